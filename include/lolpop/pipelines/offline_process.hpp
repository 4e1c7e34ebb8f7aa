#pragma once
// lolpop::offline_process — turns a source into a versioned, checked dataset.
//
// Steps (as in lolpop): get and transform the data, check it, version and track it, profile it
// and compare it with the previous version of the same dataset.
// Roles: data_connector (required), data_transformer, data_profiler, data_checker.
#include <lolpop/concepts/data_checker.hpp>
#include <lolpop/concepts/data_connector.hpp>
#include <lolpop/concepts/data_profiler.hpp>
#include <lolpop/concepts/data_transformer.hpp>
#include <lolpop/components/data_checker/null_data_checker.hpp>
#include <lolpop/components/data_profiler/null_data_profiler.hpp>
#include <lolpop/components/data_transformer/null_data_transformer.hpp>
#include <lolpop/composition/bind.hpp>
#include <lolpop/composition/role.hpp>
#include <lolpop/composition/settings.hpp>
#include <lolpop/pipelines/detail/require_columns.hpp>
#include <lolpop/pipelines/detail/stop_on_error.hpp>
#include <lolpop/pipelines/services.hpp>

#include <string>
#include <type_traits>

namespace lolpop {

struct offline_process_config {
    std::string dataset_name = "train";  // the dataset whose versions this pipeline creates
};

template <class... Binds>
class offline_process {
public:
    static constexpr std::string_view name = "offline_process";
    using config = offline_process_config;
    using connector_type = bound_t<role::data_connector, unbound, Binds...>;
    using transformer_type = bound_t<role::data_transformer, null_data_transformer, Binds...>;
    using profiler_type = bound_t<role::data_profiler, null_data_profiler, Binds...>;
    using checker_type = bound_t<role::data_checker, null_data_checker, Binds...>;

    // Each binding is checked against its role's concept where it is written (lolpop::bind), which
    // reports the details; these assertions name the composition point.
    static_assert(!std::is_same_v<connector_type, unbound>, "offline_process: required role data_connector is not bound");
    static_assert(fits_role<role::data_connector, connector_type>,
                  "offline_process: role data_connector is bound to a type that does not model lolpop::data_connector");
    static_assert(fits_role<role::data_transformer, transformer_type>,
                  "offline_process: role data_transformer is bound to a type that does not model lolpop::data_transformer");
    static_assert(fits_role<role::data_profiler, profiler_type>,
                  "offline_process: role data_profiler is bound to a type that does not model lolpop::data_profiler");
    static_assert(fits_role<role::data_checker, checker_type>,
                  "offline_process: role data_checker is bound to a type that does not model lolpop::data_checker");

    using settings = composite_settings<config, bind<role::data_connector, connector_type>,
                                        bind<role::data_transformer, transformer_type>,
                                        bind<role::data_profiler, profiler_type>, bind<role::data_checker, checker_type>>;

    offline_process(const settings& s, context& ctx)
        : config_(s.config),
          connector_(part<role::data_connector>(s), ctx),
          transformer_(part<role::data_transformer>(s), ctx),
          profiler_(part<role::data_profiler>(s), ctx),
          checker_(part<role::data_checker>(s), ctx) {}

    // Reads `source`, transforms and checks it, and only then stores and tracks it: bad input
    // stops the step before anything is written. `required` columns must be present.
    template <class Services>
    dataset_version process_data(Services& svc, const std::string& source, const std::vector<std::pair<std::string, std::string>>& required) {
        frame data = transformer_.transform(connector_.get_data(source));
        for (const auto& [setting, column] : required) detail::require_column(data, column, setting, source);
        detail::stop_on_error(checker_.check_data(data), svc.ctx, "process " + source);

        tracked_run<std::remove_reference_t<decltype(svc.metadata)>> run(svc.metadata, svc.profile, "process");
        const auto previous = svc.metadata.latest_dataset_version(config_.dataset_name);
        const artifact stored = svc.store.version_data(data);
        dataset_version version = svc.metadata.create_dataset_version(run.get(), config_.dataset_name, stored.hash,
                                                                       stored.uri, data.rows(), data.cols());
        svc.ctx.log(log_level::info, "process: " + source + " -> dataset '" + config_.dataset_name + "' version " +
                                         version.id + " (" + std::to_string(data.rows()) + " rows)");
        if constexpr (!std::is_same_v<profiler_type, null_data_profiler>) {
            detail::stop_on_error(profiler_.profile_data(data), svc.ctx, "process profile");
            if (previous && previous->content_hash != version.content_hash)
                detail::stop_on_error(profiler_.compare_data(svc.store.get_data(previous->content_hash), data), svc.ctx,
                                      "process compare");
        }
        run.succeed();
        return version;
    }

    const config& pipeline_config() const noexcept { return config_; }

private:
    config config_;
    connector_type connector_;
    transformer_type transformer_;
    profiler_type profiler_;
    checker_type checker_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::offline_process_config, dataset_name);
