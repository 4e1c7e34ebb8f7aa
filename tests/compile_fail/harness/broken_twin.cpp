// The harness's own test: the right error, but the twin does not build either.
// first-error: error: static.assert.* failed.*the mistake"?$
static_assert(sizeof(char) == 2, "the mistake");
int main() {}
