// lolpop::stages_writes: begin, commit and a rollback that cannot throw.
#include <lolpop/concepts/stages_writes.hpp>

namespace {

struct staged {
    void begin_step();
    void commit_step();
    void rollback_step() noexcept;
};
static_assert(lolpop::stages_writes<staged>);

struct throwing_rollback {
    void begin_step();
    void commit_step();
    void rollback_step();  // a rollback runs while another error is on its way: it must not throw
};
static_assert(!lolpop::stages_writes<throwing_rollback>);

struct no_rollback {
    void begin_step();
    void commit_step();
};
static_assert(!lolpop::stages_writes<no_rollback>);

}  // namespace
