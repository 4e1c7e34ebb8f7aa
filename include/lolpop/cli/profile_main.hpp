#pragma once
// main() of a profile binary: parse the command line, build the workflow's settings (profile
// values, ${env:...} expanded now, --set overrides on top), check them against the registry's
// declarations, then run one step or all of them.
#include <lolpop/cli/command_line.hpp>
#include <lolpop/report/console_report.hpp>
#include <lolpop/report/run_report.hpp>
#include <lolpop/composition/settings_tree.hpp>

#include <cstdio>
#include <exception>

namespace lolpop {

// Runs one step of `workflow` (or all) and prints what it made.
template <class Workflow>
void run_step(Workflow& workflow, workflow_step step, const typename Workflow::settings& settings, const profile_info& profile) {
    switch (step) {
        case workflow_step::process: print_outcome(workflow.process_data()); break;
        case workflow_step::train: print_outcome(workflow.train_model()); break;
        case workflow_step::deploy: print_outcome(workflow.deploy_model()); break;
        case workflow_step::predict: print_outcome(workflow.predict_data()); break;
        case workflow_step::evaluate: print_metrics("ground truth", workflow.evaluate_ground_truth()); break;
        case workflow_step::build_all: {
            const build_all_outcome out = workflow.build_all();
            print_outcome(out.data);
            print_outcome(out.trained);
            print_outcome(out.deployed);
            print_outcome(out.predicted);
            if constexpr (requires { part<role::metadata_tracker>(settings).path; })
                std::printf("metadata store: %s\n", part<role::metadata_tracker>(settings).path.c_str());
            std::vector<described_part> parts;
            describe_tree<Workflow>(settings, "", parts);
            const context& ctx = workflow.run_context();
            write_run_report(settings.config.report_path,
                             {.profile = profile,
                              .workflow = std::move(parts),
                              .data = out.data,
                              .model = out.trained.version,
                              .split = out.trained.split,
                              .test_metrics = out.trained.metrics,
                              .perf_metric = out.trained.perf_metric,
                              .deployed_score = out.trained.deployed_score,
                              .verdict = out.trained.verdict,
                              .challenger_score = out.trained.challenger_score,
                              .compared_rows = out.trained.compared_rows,
                              .deployed = out.deployed,
                              .prediction = out.predicted.job,
                              .prediction_metrics = out.predicted.metrics,
                              .reports = ctx.reports(),
                              .files = ctx.files()});
            std::printf("run report: %s\n", settings.config.report_path.c_str());
            break;
        }
    }
}

template <class Workflow>
int profile_main(int argc, char** argv, const profile_info& profile, typename Workflow::settings (*make_settings)(),
                 void (*check_settings)(const typename Workflow::settings&)) {
    const parsed_command_line parsed = parse_command_line(argc, argv, profile);
    if (!parsed.command) return parsed.exit_code;
    const command_line& cmd = *parsed.command;
    try {
        typename Workflow::settings settings = make_settings();
        for (const setting_override& o : cmd.overrides) set_by_path(settings, o.path, o.value, "");
        check_settings(settings);
        if (cmd.describe) {
            std::vector<described_part> parts;
            describe_tree<Workflow>(settings, "", parts);
            print_description(profile, parts);
            return 0;
        }
        Workflow workflow(settings, profile);
        try {
            run_step(workflow, cmd.step, settings, profile);
        } catch (const std::exception& e) {
            workflow.record_failure(to_string(cmd.step), e.what());
            throw;
        }
        return 0;
    } catch (const std::exception& e) {
        return report_failure(e, to_string(cmd.step));
    }
}

}  // namespace lolpop
