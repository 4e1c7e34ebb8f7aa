// The harness's own test: the compiler's error is not the one expected, and the case must fail.
// first-error: error: static.assert.* failed.*a message the compiler does not print"?$
#ifndef LOLPOP_FIX
static_assert(sizeof(char) == 2, "the mistake");
#endif
int main() {}
