"""Restyling for make-cohort: the same program as another person would write it.

restyle(source, lang, rng, style) rewrites a Python ("py") or C++ ("cpp") example
solution at every place one of an applicant's habits applies (idioms, spellings,
braces, declarations, statement order, boilerplate), each rewrite keeping the
program's behaviour exactly, so that the verdict the example was filed under still
holds. `style` holds the applicant's habits (drawn on first use) so that one
applicant's solutions look alike. scripts/lib/restyle-check.py judges restyled
copies to check that claim.
"""
import re

# Style variation. Without it every applicant who draws the same example sends the same token stream (the
# similarity check drops comments, whitespace and names), and no benchmark could tell a planted copy from two
# people who solved the task alike. Each rewrite below keeps the program's behaviour exactly (so its verdict, and a
# slow program stays slow), and applies where a regular expression can see that it is safe in these examples.
PY_IMPORTS = ["import math", "import os", "from collections import defaultdict", "import heapq"]
PY_GLOBALS = ["input = sys.stdin.readline", "sys.setrecursionlimit(10000)", "INF = float('inf')", "EPS = 1e-9",
              "MOD = 10**9 + 7"]
CPP_GLOBALS = ["const int MAXN = 200005;", "const double EPS = 1e-9;", "const int MOD = 1000000007;"]
DOCSTRINGS = ["Solve the task.", "Read the input, print the answer.", "Entry point.", "Helper.", "Main logic."]
CALL = r"\w+(?:(?:\.|::)\w+)*\((?:[^()]|\([^()]*\))*\)"
ATOM = r"(%s|\w+(?:\[[^\[\]]*\])*|\([^()]*\))" % CALL  # a call, name, number, subscript or parenthesised group
ARG = r"((?:[^,()]|\([^()]*\))*)"  # one call argument
OPERAND = r"(%s|\w+(?:\[\w+\])?|'[^']*'|\"[^\"]*\")" % CALL
# Operands are swapped only where their operation is a whole operand itself (no precedence or order can change):
WHOLE = (r"(?:(?<=[(\[,:=<>%s] )|(?<=[(\[])|(?<=[^:]:)|(?<=\breturn ))%s"
         r"(?=[)\],;:]| (?!\*\*)[-+<>=!&|?%s]|$| and | or | if | for | else )")
CONDITION = (r"(?:(?<=\()|(?<=\bif )|(?<=\bwhile )|(?<=; )|(?<=\band )|(?<=\bor )|(?<=&& )|(?<=\|\| ))%s"
             r"(?=\)|:|;| and | or | && | \|\| )")
FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}
IMPURE = re.compile(r"read|print|pop|append|input|write|stdin|scanf|cin|cout|getline|\+\+|--|lambda")
CPP_TYPE = r"(?:const )?(?:long long|[\w:]+(?:<[\w:<> ]*>)?)"
RULES = [  # (languages, habit, pattern, rewrite(match, pick)), applied to every line of code in turn
    ("py cpp", "flip", CONDITION % (OPERAND + r" (<=|>=|<|>|==|!=) " + OPERAND),
     lambda m, pick: swap(m, " %s " % FLIP[m.group(2)], 3, 1)),
    ("py cpp", "commute", WHOLE % ("+-", ATOM + r" \* " + ATOM, "*/%"), lambda m, pick: swap(m, " * ")),
    ("cpp", "commute", WHOLE % ("", ATOM + r" \+ " + ATOM, ""), lambda m, pick: swap(m, " + ")),
    ("py cpp", "group", r"(?<=[=+-] )(\w+(?:\[[^\[\]]*\])* [*/] \w+(?:\[[^\[\]]*\])*)(?= [-+] |[;)\]]|$)",
     lambda m, pick: "(%s)" % m.group(1)),
    ("py cpp", "negate", r"\((\w+(?:\[\w+\])?) - (\w+(?:\[\w+\])?)\) \* \(\1 - \2\)",  # (exact: a - b = -(b - a))
     lambda m, pick: "(%s - %s) * (%s - %s)" % m.group(2, 1, 2, 1)),
    ("py cpp", "mid", r"\((lo) \+ (hi)\) (//|/) 2\b", lambda m, pick: pick(  # (binary searches: 0 <= lo <= hi)
        "%s + (%s - %s) %s 2" % m.group(1, 2, 1, 3), "(%s + %s) >> 1" % m.group(1, 2))),
    ("py", "range0", r"\brange\(%s\)" % ARG, lambda m, pick: "range(0, %s)" % m.group(1)),
    ("py", "pow10", r"\b10\*\*(\d+)", lambda m, pick: pick("10 ** %s", str(10 ** int(m.group(1))), "int(1e%s)")
     .replace("%s", m.group(1))),
    ("py", "inf", r"float\('inf'\)", lambda m, pick: pick("math.inf", "float(\"inf\")")),
    ("py", "listcomp", r"\blist\(map\((int|float), %s\)\)" % ARG, lambda m, pick: pick(
        "[%s(t) for t in %s]", "[*map(%s, %s)]") % m.groups()),
    ("py", "listcomp", r"(?<=\()map\((int|float), %s\)(?=\))" % ARG, lambda m, pick: "%s(t) for t in %s" % m.groups()),
    ("py", "listcomp", r"(?<== )map\((int|float), %s\)$" % ARG, lambda m, pick: "[%s(t) for t in %s]" % m.groups()),
    ("py", "listcomp", r"\[(0|inf|None)\] \* %s" % ATOM, lambda m, pick: "[%s for _ in range(%s)]" % (
        m.group(1), m.group(2)[1:-1] if m.group(2)[0] == "(" else m.group(2))),
    ("py", "listcomp", r"\bsum\(((?:[^()]|\([^()]*\))*) for (\w+) in ([^()]*)\)", lambda m, pick: pick(
        "sum([%s for %s in %s])" % m.groups(), "sum(map(lambda %s: %s, %s))" % m.group(2, 1, 3))),
    ("py", "numpy", r"\bnp\.abs\(", lambda m, pick: "abs("),
    ("py", "numpy", r"\bnp\.(argmax|argmin)\((\w+)\)", lambda m, pick: "%s.%s()" % m.group(2, 1)),
    ("py", "numpy", r"\b(\w+)\.sum\(\)", lambda m, pick: "np.sum(%s)" % m.group(1)),
    ("py", "numpy", r"(?<=dtype=)np\.(\w+)|(?<=astype\()np\.(\w+)",
     lambda m, pick: "'%s'" % (m.group(1) or m.group(2))),
    ("py", "numpy", r"\[:, None\]", lambda m, pick: "[:, np.newaxis]"),
    ("py", "numpy", r"(\w+(?:\.T)?) @ \(([^()]*)\)", lambda m, pick: "np.%s(%s, %s)" % (pick("dot", "matmul"),
                                                                                       *m.groups())),
    ("py", "while", r"^(\s*)while (stack):$", lambda m, pick: "%swhile %s:" % (m.group(1), pick(
        "len(%s) > 0", "len(%s)", "len(%s) != 0") % m.group(2))),
    ("py", "read", r"^(\s*)(\w+) = sys\.stdin\.buffer\.read\(\)\.split\(\)$", lambda m, pick: pick(
        "%s%s = sys.stdin.read().split()" % m.groups(), "%s%s = open(0).read().split()" % m.groups(),
        "%sraw = sys.stdin.buffer.read()\n%s%s = raw.split()" % m.group(1, 1, 2))),
    ("py", "read", r"sys\.stdin\.buffer\.read\(\)(?=\.partition)", lambda m, pick: "open(0, 'rb').read()"),
    ("py", "format", r"^(\s*)print\('([^'%{}]*)', (\w+)(, flush=True)?\)$", lambda m, pick: m.group(1) + pick(
        "print('%s %%d' %% %s%s)", "print('%s {}'.format(%s)%s)", "print('%s ' + str(%s)%s)") % (
        m.group(2), m.group(3), m.group(4) or "") if pick(0, 1, 1, 1) else "%ssys.stdout.write('%s %%d\\n' %% %s)" % (
        m.group(1, 2, 3)) + ("\n%ssys.stdout.flush()" % m.group(1) if m.group(4) else "")),  # (flushes as it did)
    ("py", "format", r"^(\s*)print\(([^'\"=]+)\)$", lambda m, pick: print_all(m, pick)),
    ("py", "format", r"^(\s*)(print)\('((?:%[.\d]*f )+%[.\d]*f)' % \((.+)\)\)$", lambda m, pick: split_print(m, pick)),
    ("py", "format", r"^(\s*)(print|.*\.append)\('([^'\\%{}]*(?:%[.\d]*[dfs][^'\\%{}]*)+)' % (.+)\)$",
     lambda m, pick: percent_format(m, pick)),
    ("py", "hint", r"^def (\w+)\(\):$", lambda m, pick: "def %s() -> None:" % m.group(1)),
    ("cpp", "format", r"^(\s*)((?:std::)?printf)\(\"((?:%(?:l*d|\.10f) )*%(?:l*d|\.10f))\\n\", (.+)\);$",
     lambda m, pick: split_print(m, pick)),
    ("cpp", "flush", r"\bstd::endl\b", lambda m, pick: pick("'\\n' << std::flush", '"\\n" << std::flush')),
    ("cpp", "incr", r"(?<=; )(\+\+|--)(\w+)(?=\))", lambda m, pick: step(pick, *m.groups())),
    ("cpp", "incr", r"^(\s*)(\+\+|--)(\w+(?:\[\w+\])?);$",
     lambda m, pick: m.group(1) + step(pick, *m.group(2, 3)) + ";"),
    ("cpp", "expand", r"(^\s*|\) |\{ |else )(\w+(?:\[[^\[\]]*\])*) ([-+*/])= ([^;]+);", lambda m, pick: expand(m, ";")),
    ("cpp", "cast", r"\((double|long long|size_t)\)(\w+(?![\w\[(.])|\((?:[^()]|\([^()]*\))*\))", lambda m, pick: (
        "static_cast<%s>(%s)" % (m.group(1), m.group(2)[1:-1] if m.group(2)[0] == "(" else m.group(2)))),
    ("cpp", "cast", r"static_cast<(double|long long|size_t)>\((\w+)\)", lambda m, pick: "(%s)%s" % m.groups()),
    ("cpp", "rangefor", r"^(\s*for \()(double|long long|int)(&?) (\w+ : )", lambda m, pick: m.group(1) + (
        "auto&" if m.group(3) else pick("auto", "const %s&" % m.group(2), "const auto&")) + " " + m.group(4)),
    ("cpp", "zero", r"(vector<(?:int|long long|double)> \w+\()%s(, 0)?\)" % ARG, lambda m, pick: "%s%s%s)" % (
        m.group(1), m.group(2), "" if m.group(3) else ", 0")),
    ("cpp", "zero", r"\((\w+) == 0\)", lambda m, pick: "(!%s)" % m.group(1)),
]


def swap(m, op, i=2, j=1):
    """The operands of m swapped around op, unless both are calls (whose order could matter)."""
    both = re.fullmatch(CALL, m.group(i)) and re.fullmatch(CALL, m.group(j))
    return m.group() if both else m.group(i) + op + m.group(j)


def step(pick, op, v):
    return pick(op + v, v + op, "%s %s= 1" % (v, op[0]))


def expand(m, end=""):
    """x += e as x = x + e (parenthesised where the order of operations would otherwise change)."""
    e, op = m.group(4), m.group(3)
    if (op in "*/" and not re.fullmatch(r"[\w.\[\]]+", e)) or re.search(r" [-+] ", flat(e)):
        e = "(%s)" % e
    return "%s%s = %s %s %s%s" % (m.group(1), m.group(2), m.group(2), op, e, end)


def split_print(m, pick):
    """print('%.10f %.10f' % (a, b)) and printf("%d %d\\n", a, b) as one piece per value, or with iostream."""
    specs, args = m.group(3).split(" "), split_top(m.group(4))
    if len(specs) != len(args):
        return m.group()
    if m.group(2).endswith("printf"):
        if len(args) == 1 or pick(0, 1):
            return "%sstd::cout << %s%s << '\\n';" % (m.group(1), "std::fixed << std::setprecision(10) << " * (
                "f" in m.group(3)), " << ' ' << ".join("(%s)" % a if re.search(r"[?<>&|=]", a) else a for a in args))
        return "\n".join('%s%s("%s%s", %s);' % (m.group(1), m.group(2), s, " " if k < len(args) - 1 else "\\n", a)
                         for k, (s, a) in enumerate(zip(specs, args)))
    pieces = ["'%s' %% %s" % (s, a if re.fullmatch(r"[\w.\[\]]+", a) else "(%s)" % a) for s, a in zip(specs, args)]
    options = ["print(%s)" % ", ".join(pieces),
               "print(%s)" % ", ".join("format(%s, '%s')" % (a, s[1:]) for s, a in zip(specs, args)),
               ("\n" + m.group(1)).join("print(%s%s)" % (p, ", end=' '" * (k < len(args) - 1))
                                         for k, p in enumerate(pieces))]
    if len(set(specs)) == 1:
        options.append("print(' '.join('%s' %% v for v in (%s)))" % (specs[0], m.group(4)))
    return m.group(1) + pick(*options)


def percent_format(m, pick):
    """'%.10f' % x as '{:.10f}'.format(x); print(... % ...) also as sys.stdout.write."""
    ind, call, fmt, arg = m.groups()
    args = arg[1:-1] if arg.startswith("(") and close_of(arg, 0) == len(arg) - 1 else arg
    new = re.sub(r"%([.\d]*f)", r"{:\1}", re.sub(r"%[ds]", "{}", fmt))
    if depth(arg) or len(split_top(arg)) > 1:
        return m.group()
    return pick("%s%s('%s'.format(%s))" % (ind, call, new, args),
                *["%ssys.stdout.write('%s\\n' %% %s)" % (ind, fmt, arg)] * (call == "print"))


def print_all(m, pick):
    """print(a, b) as the same text, formatted or written."""
    args = split_top(m.group(2))
    fmt = " ".join(["%s"] * len(args))
    return m.group() if len(args) < 2 else m.group(1) + pick(
        "print('%s'.format(%s))" % (fmt.replace("%s", "{}"), m.group(2)), "print('%s' %% (%s))" % (fmt, m.group(2)),
        "sys.stdout.write('%s\\n' %% (%s))" % (fmt, m.group(2)))


def mask(s):
    """s with the insides of string literals blanked out (same length)."""
    return re.sub(r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"", lambda m: "S" * len(m.group()), s)


def flat(s):
    """s with strings and the insides of brackets blanked out: its top level."""
    out, d = [], 0
    for ch in mask(s):
        d -= ch in ")]}"
        out.append(ch if d == 0 else " ")
        d += ch in "([{"
    return "".join(out)


def split_top(s, sep=","):
    """The parts of s between top-level (unbracketed, unquoted) occurrences of sep."""
    f, parts, start = flat(s), [], 0
    while f.find(sep, start) >= 0:
        parts.append(s[start:f.find(sep, start)].strip())
        start = f.find(sep, start) + len(sep)
    return parts + [s[start:].strip()]


def close_of(s, i):
    """Index of the bracket closing the one at s[i] (-1 if none)."""
    d, m = 0, mask(s)
    for j in range(i, len(m)):
        d += (m[j] in "([{") - (m[j] in ")]}")
        if d == 0:
            return j
    return -1


def depth(s):
    return sum(map(mask(s).count, "([{")) - sum(map(mask(s).count, ")]}"))


def names(s):
    return set(re.findall(r"[A-Za-z_]\w*", mask(s)))


def indent(line):
    return line[:len(line) - len(line.lstrip())]


def assignment(line, lang):
    """(indent, targets, value) of a whole-line Python `a, b[i] = x, y` or C++ declaration `T a = x;` / `T a(x);`."""
    if lang == "cpp":
        m = re.match(r"(\s*)%s (\w+)(?: = (.+)|(\(.*\)))?;$" % CPP_TYPE, line)
        ok = m and not IMPURE.search(line) and not re.match(r"\s*(return|else|delete|using|typedef) ", line)
        return (m.group(1), [m.group(2)], m.group(3) or m.group(4) or "") if ok else None
    m = re.match(r"(\s*)([\w\[\], +-]+?) = (.+)$", line)
    if not m or depth(line) or re.search(r"(?<![=<>!])=(?!=)", flat(m.group(3))) or "#" in mask(line):
        return None
    return m.group(1), split_top(m.group(2)), m.group(3)


def py_statements(lines, chance, pick, source):
    """Python statements: a one-statement body on its header's line, sum() as a loop, a list comprehension as
    appends, tuple assignments split, neighbours merged or swapped, a temporary, a parenthesised right side,
    `if` after a block that always leaves made an `elif`."""
    out, i, fresh = [], 0, [n for n in ("total", "acc", "tmp", "part", "val", "item") if n not in names(source)]
    while i < len(lines):
        line, body = lines[i], lines[i + 1] if i + 1 < len(lines) else ""
        a = assignment(line, "py")
        b = assignment(body, "py") if a else None
        single = a and len(a[1]) == 1 and re.fullmatch(r"\w+", a[1][0])
        cell = lambda s: s and len(s[1]) == 1 and re.fullmatch(r"\w+(\[[^\[\]]*\])?", s[1][0]) and s[1][0].split("[")[0]
        loop = single and re.fullmatch(r"sum\((\[?((?:[^()]|\([^()]*\))*) for (\w+) in )?(\w+)\]?\)( / \w+)?", a[2])
        comp = single and a[2][0] == "[" and close_of(a[2], 0) == len(a[2]) - 1 and re.fullmatch(
            r"(.+?) for (\w+) in ([^:]+)", flat(a[2][1:-1]))
        tmp = single and re.fullmatch(r"(\w+(?:\.\w+)*(\().*\)) ([-+*/]) (\w+)", a[2])
        others = names("\n".join(lines[:i] + lines[i + 1:]))
        rest = [l for l in lines[i + 2:] if l.strip()]
        if (re.match(r"\s*(if|elif|else|while)\b.*:$", line) and "#" not in mask(line) and len(indent(body)) > len(
                indent(line)) and not re.match(r"\s*(if|elif|else|for|while|def|try|with)\b", body) and (
                not rest or len(indent(rest[0])) <= len(indent(line))) and chance("oneline")):
            out.append(line + " " + body.strip())
            i += 1
        elif loop and (loop.group(3) or "") not in others and chance("loop", 0.7):  # (the same additions, in order)
            v = loop.group(3) or fresh[-1]
            out += ["%s%s = 0" % (a[0], fresh[0]), "%sfor %s in %s:" % (a[0], v, loop.group(4)), "%s    %s += %s" % (
                a[0], fresh[0], loop.group(2) or v), "%s%s = %s%s" % (a[0], a[1][0], fresh[0], loop.group(5) or "")]
        elif (comp and comp.group(2) not in others and a[1][0] not in names(a[2]) and not re.search(
                " for | if ", comp.group(3)) and chance("loop", 0.5)):
            out += ["%s%s = []" % (a[0], a[1][0]), "%sfor %s in %s:" % (a[0], comp.group(2), a[2][
                comp.start(3) + 1:-1]), "%s    %s.append(%s)" % (a[0], a[1][0], a[2][1:comp.end(1) + 1])]
        elif a and len(a[1]) > 1:  # a, b = x, y: one per line where no target is used on the right
            values, bases = split_top(a[2]), {t.split("[")[0] for t in a[1]}
            used = names(a[2]) | names(" ".join(t[len(t.split("[")[0]):] for t in a[1]))
            if len(values) == len(a[1]) and all(re.fullmatch(r"\w+(\[\w+\])?", t) for t in a[1]) and not (
                    bases & used) and chance("split"):
                out += ["%s%s = %s" % (a[0], t, v) for t, v in zip(a[1], values)]
            else:
                out.append(line)
        elif (cell(a) and cell(b) and a[0] == b[0] and cell(a) != cell(b) and cell(a) not in names(body) and len(
                split_top(a[2] + "," + b[2])) == 2 and not re.search(r"\b(lambda|yield)\b", a[2] + b[2])):
            if cell(b) not in names(line) and not IMPURE.search(a[2] + b[2]) and chance("swap", 0.6):
                out += [body, line]
            elif chance("merge", 0.6):
                out.append("%s%s, %s = %s, %s" % (a[0], a[1][0], b[1][0], a[2], b[2]))
            else:
                out += [line, body]
            i += 1
        elif tmp and close_of(a[2], tmp.start(2)) == tmp.end(1) - 1 and chance("temp", 0.6):
            out += ["%s%s = %s" % (a[0], fresh[0], tmp.group(1)), "%s%s = %s %s %s" % (
                a[0], a[1][0], fresh[0], tmp.group(3), tmp.group(4))]
        elif single and not re.match(r"[(\[]|lambda", a[2]) and chance("parens", 0.3):
            out.append("%s%s = (%s)" % (a[0], a[1][0], a[2]))
        elif (out and re.match(r"\s*(return|continue|break|sys\.exit)\b", out[-1]) and len(indent(out[-1])) > len(
                indent(line)) and re.match(r"\s*if ", line) and chance("elif")):
            h = max(k for k, l in enumerate(out) if l.strip() and len(indent(l)) <= len(indent(line)))
            always = indent(out[h + 1]) == indent(out[-1]) and re.match(indent(line) + "if ", out[h])
            out.append(line.replace("if ", "elif ", 1) if always else line)
        else:
            out.append(line)
        i += 1
    return out


def cpp_blocks(lines, chance):
    """C++ braces: a one-line `if (c) a = x, b = y;` body as a block of statements (on its line or below), and
    a header whose body is the next statement given braces around it."""
    out = []
    for line in lines:
        m = re.match(r"(\s*)((?:else )?(?:if|for|while) \(|else )", line)
        j = close_of(line, m.end() - 1) if m and m.group(2).endswith("(") else (m.end() - 2 if m else -1)
        body = line[j + 1:].strip() if j >= 0 else ""
        if j < 0 or not body.endswith(";") or body.startswith("{") or "//" in mask(body) or not chance("braces"):
            out.append(line)
            continue
        parts = split_top(body[:-1])
        parts = parts if all(re.match(r"[\w\[\].]+ = ", p) for p in parts) else [body[:-1]]
        if chance("oneline", 0.7):
            out.append("%s { %s; }" % (line[:j + 1], "; ".join(parts)))
        else:
            out += [line[:j + 1] + " {"] + ["%s    %s;" % (m.group(1), p) for p in parts] + [m.group(1) + "}"]
    for i, line in enumerate(out):
        m = re.match(r"(\s*)(for|if|while) \(", line)
        if m and close_of(line, m.end() - 1) == len(line) - 1 and chance("braces"):
            j = i + 1
            while j < len(out) and (not out[j].strip() or len(indent(out[j])) > len(m.group(1))):
                j += 1
            while not out[j - 1].strip():
                j -= 1
            out[i] += " {"
            out.insert(j, m.group(1) + "}")
    return out


def restyle(source, lang, rng, style):
    """The same program as another person would write it, for an independently written solution: idioms,
    spellings, braces, declarations, statement order and boilerplate vary, drawn afresh at every place they apply
    (leaning on this applicant's habits in `style`), so that two applicants who started from the same example
    share only short runs of tokens. Every rewrite keeps the behaviour, and so the verdict, exactly."""
    def chance(habit, scale=1.0):
        if habit not in style:
            style[habit] = rng.uniform(0.3, 0.7)
        return rng.random() < scale * style[habit]

    def pick(*options):
        return options[rng.randrange(len(options))]

    def edit(lines, fn):
        """fn applied to the code of every line (comments and directives kept out of its way)."""
        out = []
        for line in lines:
            cut = mask(line).find(mark)
            if not line.strip() or line.lstrip().startswith(("#", "//")):
                out.append(line)
            else:
                out += (fn(line[:cut].rstrip()) + "  " + line[cut:] if cut >= 0 else fn(line)).split("\n")
        return out

    def divide(m):
        """a / n as a / float(n) (Python, n whole) or a / (double)n (C++, a floating): the same division."""
        if lang == "py" and m.group(3) in known and chance("float"):
            return "%s / float(%s)" % (m.group(1) or m.group(2), m.group(3))
        if lang == "cpp" and m.group(1) and (m.group(1).split("[")[0] in known or "." in m.group(1)) and chance(
                "float"):
            return "%s / %s" % (m.group(1), pick("(double)%s", "static_cast<double>(%s)") % m.group(3))
        return m.group()

    def rules(c):
        for langs, habit, pattern, new in RULES:
            if lang in langs:
                c = re.sub(pattern, lambda m: new(m, pick) if chance(habit) else m.group(), c)
        c = re.sub(r"(?:(?<![\w.)])(\w+(?:\[\w+\])?|\d+\.\d+)|(\))) / (\w+)(?![\w\[(.]| \*\*)", divide, c)
        if lang == "py":  # a + b where one side is surely a number (not a list or a string)
            number = (lambda s: re.match(r"\d|float\(", s) or s in numeric | known)
            c = re.sub(WHOLE % ("", ATOM + r" \+ " + ATOM, ""), lambda m: swap(m, " + ") if (
                number(m.group(1)) or number(m.group(2))) and chance("commute") else m.group(), c)
        m = re.match(r"(\s*)(\w+) ([-+*])= (.+)$", c)  # (Python: only names that hold numbers)
        return expand(m) if lang == "py" and m and m.group(2) in numeric and chance("expand") else c

    mark, lines = "#" if lang == "py" else "//", source.split("\n")
    if lang == "py":
        if "import sys" not in lines:  # (several rewrites below call sys.*: harmless to import)
            lines.insert(next((k for k, l in enumerate(lines) if not l.startswith("#")), len(lines)), "import sys")
        known = {n.strip() for t in re.findall(r"(?m)^\s*([\w, ]+) = (?:int\(|map\(int|len\()", source)
                 for n in t.split(",")}  # whole numbers
        numeric = {n for two in re.findall(r"(?m)^\s*(\w+) = (?:(\w+) = )?-?[\d.]+\s*$", source) for n in two if n}
        extra = [l for l in PY_GLOBALS if chance("globals", 0.4)]
        if re.search(r"\binput\(", source) and re.search(r"\bprint\((?![^\n]*flush=True)", source):
            extra = [l for l in extra if l != PY_GLOBALS[0]]  # (input() flushes stdout; readline() does not)
        lines = edit(lines, rules)
        if PY_GLOBALS[0] in extra:  # input = sys.stdin.readline: input() is then the same call
            lines = edit(lines, lambda c: re.sub(r"\bsys\.stdin\.readline\(\)",
                                                 lambda m: pick("input()", m.group()), c))
        if len(re.findall(r"(?m)^\s*def ", source)) == 1:  # a return from the only function ends the program
            lines = edit(lines, lambda c: re.sub(r"^(\s+)return$", lambda m: m.group(1) + pick(
                "return", "sys.exit()", "sys.exit(0)"), c))
        lines = py_statements(lines, chance, pick, source)
        imports = [k for k, l in enumerate(lines) if re.match(r"(import|from) \w", l)]
        for imp in PY_IMPORTS:
            if imp not in lines and (chance("imports", 0.4) or imp == "import math" and "math." in str(lines)):
                lines.insert(rng.randint(imports[0], imports[-1] + 1), imp)
                imports.append(imports[-1] + 1)
        lines[imports[-1] + 1:imports[-1] + 1] = [""] + rng.sample(extra, len(extra)) if extra else []
        d = next((k for k, l in enumerate(lines) if re.match(r"def main\(\)", l)), None)
        if d is None or "main()" not in lines:  # (no main() to call: the program stays at the top level)
            how = "none"
        else:
            end = next((k for k in range(d + 1, len(lines)) if re.match(r"\S", lines[k])), len(lines))
            call = len(lines) - 1 - lines[::-1].index("main()")
            how = pick("call", "dunder", "flat", "flat") if not re.search(  # (loops stay in a function: speed)
                r"(?m)^\s*(return|for|while|def)\b", "\n".join(lines[d + 1:end])) else pick("call", "dunder")
        if how == "dunder":
            lines[call:call + 1] = pick(["if __name__ == '__main__':", "    main()"],
                                        ["if __name__ == '__main__': main()"])
        elif how == "flat":  # no main(): its body at the top level, or under the __main__ test
            body = lines[d + 1:end] if chance("dunder") else [l[4:] for l in lines[d + 1:end]]
            lines = lines[:d] + ["if __name__ == '__main__':"] * (body[0][0] == " ") + body + lines[end:call]
        for k in [k for k, l in enumerate(lines) if re.match(r"\s*def .*:$", l) and chance("docstring", 0.5)][::-1]:
            lines.insert(k + 1, indent(lines[k]) + '    """%s"""' % pick(*DOCSTRINGS))
        for mod in ("statistics", "struct", "itertools", "sys"):  # import m; m.f() as from m import f; f()
            code = "\n".join(l[:mask(l).find("#")] if "#" in mask(l) else l for l in lines)
            used = sorted(set(re.findall(r"\b%s\.(\w+)" % mod, code)))
            if "import " + mod in lines and used and not set(used) & names(re.sub(r"\b%s\.\w+" % mod, "", code)) and (
                    chance("from", 0.6)):
                lines[lines.index("import " + mod)] = "from %s import %s" % (mod, ", ".join(used))
                lines = edit(lines, lambda c: re.sub(r"\b%s\.(?=\w)" % mod, "", c))
        return "\n".join(lines)
    known = {p.split()[0].split("(")[0] for d in re.findall(r"\b(?:double|vector<double>) (\w[^;]*);", source)
             for p in split_top(d)}  # floating-point names
    lines = cpp_blocks(edit(lines, rules), chance)
    out, text = [], "\n".join(lines)
    for line in lines:  # declarations: one per line, neighbours swapped, const where never changed
        m = re.match(r"(\s*)(%s) (\w+.*);$" % CPP_TYPE, line)
        parts = split_top(m.group(3)) if m and not re.match(r"\s*(return|else|delete) ", line) else []
        if len(parts) > 1 and all(re.fullmatch(r"\w+(?: = .+|\(.*\))?", p) for p in parts) and chance("decl"):
            line = "\n".join("%s%s %s;" % (m.group(1), m.group(2), p) for p in parts)
        v = re.match(r"(\s*)(((?:long long|int|double|std::string) (\w+)) = ([^;]+);)$", line)
        v = v if v and len(split_top(v.group(5))) == 1 else None  # (one declarator)
        changed = r"\b{0}\s*(?:[-+*/%]?=(?!=)|\+\+|--)|(?:\+\+|--|&)\s*{0}\b".format(v.group(4)) if v else ""
        if v and len(re.findall(changed, text)) == 1 and chance("const", 0.7):
            line = "%sconst %s" % v.group(1, 2)
        elif v and not v.group(2).startswith("std") and chance("late", 0.4):  # declared, then assigned
            line = "%s%s;\n%s%s = %s;" % v.group(1, 3, 1, 4, 5)
        w = re.match(r"(\s*)if \(", line)  # if (a || b) return; as two ifs (the same tests, in order)
        j = close_of(line, w.end() - 1) if w else -1
        ors = split_top(line[w.end():j], "||") if w else []
        if len(ors) > 1 and re.fullmatch(r" (return[^;]*|break|continue);", line[j + 1:]) and out[-1].endswith(
                ("{", ";", "}")) and chance("ors"):
            line = "\n".join("%sif (%s)%s" % (w.group(1), o, line[j + 1:]) for o in ors)
        a, b = assignment(out[-1], "cpp") if out else None, assignment(line, "cpp")
        if a and b and a[0] == b[0] and not (names(a[2]) & set(b[1]) or names(b[2]) & set(a[1])) and chance("swap"):
            out.insert(len(out) - 1, line)
        else:
            out.append(line)
    lines = "\n".join(out).split("\n")
    if re.search(r"\bcin\b|\bcout\b", source) and not re.search(r"printf|scanf", source) and chance("sync"):
        k = lines.index("int main() {") + 1
        lines[k:k] = ["    std::ios::sync_with_stdio(false);"] + ["    std::cin.tie(nullptr);"] * chance("tie")
    for i, line in enumerate(lines):  # for (init; test; step) {...} as init; while (test) {...; step;}
        m = re.match(r"(\s*)for \(((?:int|long long) (\w+) = [^;]+); ([^;]+); ([^;)]+)\) \{$", line)
        j = lines.index(m.group(1) + "}", i) if m else 0
        above = [l for l in lines[:i] if l.strip() and not l.lstrip().startswith("//")][-1:]  # (not a bare body)
        if m and above[0].endswith(("{", ";", "}")) and "continue" not in str(lines[i:j]) and len(re.findall(
                r"\b(?:int|long long) %s\b" % m.group(3), source)) == 1 and chance("while", 0.4):
            lines[i:j + 1] = ["%s%s;" % m.group(1, 2), "%swhile (%s) {" % m.group(1, 4)] + lines[i + 1:j] + [
                "%s    %s;" % m.group(1, 5), m.group(1) + "}"]
    end = len(lines) - 1 - lines[::-1].index("}")
    solve = chance("solve", 0.5)  # the work in int solve(), main() only calling it
    if not lines[end - 1].strip().startswith("return") and (solve or chance("return0")):
        lines.insert(end, "    return 0;")
    if solve:
        lines[lines.index("int main() {")] = "int solve() {"
        end = len(lines) - 1 - lines[::-1].index("}")
        lines[end + 1:end + 1] = ["", "int main() {", "    return solve();", "}"]
    head = []
    if "long long" in source and chance("ll"):
        rate = rng.uniform(0.6, 1.0)
        lines = edit(lines, lambda c: re.sub(r"\blong long\b", lambda m: "ll" if rng.random() < rate else m.group(), c))
        head.append(pick("using ll = long long;", "typedef long long ll;", "#define ll long long"))
    if chance("using"):
        rate = rng.uniform(0.6, 1.0)
        lines = edit(lines, lambda c: re.sub(r"\bstd::", lambda m: "" if rng.random() < rate else m.group(), c))
        head.insert(0, "using namespace std;")
    head += [l for l in CPP_GLOBALS if chance("globals", 0.4)]
    k = max(k for k, l in enumerate(lines) if l.startswith("#include")) + 1
    lines[k:k] = ["#include <%s>" % h for h, use in (("iostream", "cout"), ("iomanip", "setprecision"))
                  if use in str(lines) and "<%s>" % h not in str(lines)] + ([""] + head if head else [])
    return "\n".join(lines)
