/* The program the sandbox benchmark runs: does nothing, so what is timed is the cost of a run. */
int main(void) { return 0; }
