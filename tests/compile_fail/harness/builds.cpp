// The harness's own test: a "mistake" that builds.
// first-error: error: $
int main() {}
