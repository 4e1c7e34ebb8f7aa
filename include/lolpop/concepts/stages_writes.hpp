#pragma once
// lolpop::stages_writes — the capability that makes a step all or nothing: a component whose
// writes during a step are kept together or dropped together.
//
// Requirements
//   t.begin_step()      what it writes from now on belongs to the step
//   t.commit_step()     makes the step's writes durable and visible
//   t.rollback_step()   noexcept; drops them: what it stores is as it was at begin_step
// Semantics
//   A component reads its own staged writes during the step. A step's participants are begun
//   before its first write and committed after its last one, the metadata tracker last: its
//   commit, which records the run, is the point at which the step happened. A kill before it
//   leaves nothing of the step in a participant that keeps nothing on disk until commit_step
//   (sqlite trackers, local_model_repository, local_model_deployer); local_artifact_store writes
//   objects as it goes and removes those of a rolled-back step. docs/reliability.md says what a
//   kill at each moment leaves.
// Models
//   sqlite_metadata_tracker, sqlite_metrics_tracker, postgres_metadata_tracker,
//   postgres_metrics_tracker, local_artifact_store,
//   local_model_repository, local_model_deployer.
// Example
//   given: lolpop::local_model_repository& repository, const lolpop::model_version& v
//   repository.begin_step();
//   repository.register_model(v);
//   repository.rollback_step();  // v is not registered
#include <concepts>

namespace lolpop {

template <class T>
concept stages_writes = requires(T& t) {
    t.begin_step();
    t.commit_step();
    { t.rollback_step() } noexcept;
};

}  // namespace lolpop
