// The harness's own test, one that passes: the first error's context names the case's line, GCC
// before the error ("required from here"), clang after it ("requested here").
// first-error: /harness/instantiation_context\.cpp:12:[0-9]+: .*requ(ired from|ested|ired) here$
// first-error: error: static.assert.* failed.*the mistake"?$
// max-lines: 8
template <class T>
struct check {
    static_assert(sizeof(T) == 3, "the mistake");
};
#ifndef LOLPOP_FIX
// The mistake's line.
check<char> checked;
#endif
int main() {}
