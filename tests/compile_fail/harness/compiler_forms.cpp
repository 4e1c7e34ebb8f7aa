// The harness's own test, one that passes: each compiler reads its own form, and neither the
// other's (which would not match), and its own budget in place of the plain one.
// first-error-gcc: error: static assertion failed: the mistake$
// first-error-clang: error: static_assert failed due to requirement 'sizeof\(char\) == 2' "the mistake"$
// max-lines: 1
// max-lines-gcc: 4
// max-lines-clang: 3
#ifndef LOLPOP_FIX
static_assert(sizeof(char) == 2, "the mistake");
#endif
int main() {}
