// The harness's own test: the expected text is in the second error, not the first, and the case
// must fail (with clang, whose first error runs on through its notes, as with GCC).
// first-error: error: static.assert.* failed.*the second mistake"?$
#ifndef LOLPOP_FIX
static_assert(sizeof(char) == 2, "the first mistake");
static_assert(sizeof(char) == 3, "the second mistake");
#endif
int main() {}
