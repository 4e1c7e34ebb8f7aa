// The harness's own test: the right error, but longer than the case's budget.
// first-error: error: static.assert.* failed.*the mistake"?$
// max-lines: 1
#ifndef LOLPOP_FIX
static_assert(sizeof(char) == 2, "the mistake");
#endif
int main() {}
