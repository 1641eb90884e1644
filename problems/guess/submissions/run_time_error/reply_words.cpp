// CRASHES: a correct binary search, but the author believes the judge's last
// line is "= Q" (Q = the number of queries used) and reads every reply as a
// line split into words, taking Q from words.at(1). The '=' line has a single
// word, so .at(1) throws std::out_of_range: std::terminate, SIGABRT. The judge
// accepted when it sent '=', so the verdict is RTE whatever the timing.
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main() {
    long long lo = 1, hi = 1000000000;
    while (lo <= hi) {
        long long mid = (lo + hi) / 2;
        std::cout << "? " << mid << std::endl;
        std::string line;
        if (!std::getline(std::cin, line)) return 0;
        std::istringstream words_in(line);
        std::vector<std::string> words;
        for (std::string w; words_in >> w;) words.push_back(w);
        if (words.at(0) == "=") {
            int used = std::stoi(words.at(1));
            std::cerr << "found " << mid << " in " << used << " queries\n";
            return 0;
        }
        if (words.at(0) == "<") hi = mid - 1;
        else lo = mid + 1;
    }
}
