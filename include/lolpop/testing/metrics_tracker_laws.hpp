#pragma once
// lolpop::testing::check_metrics_tracker_laws(make) — checks a metrics tracker against the laws
// every one that keeps metrics must keep, in one line of a test:
//
//   CHECK_NOTHROW(lolpop::testing::check_metrics_tracker_laws([&] { return my_metrics(cfg, ctx); }));
//
// `make` returns a tracker; each call returns a new instance on the same store, which may hold
// metrics already (the laws use resource ids of their own). The laws:
//   - a logged metric reads back, through get_metric and get_metrics, also from a new instance;
//   - logging a metric again for the same resource replaces it;
//   - log_metrics is all or nothing: when it throws (here, for an entry with an empty name), none
//     of the entries is stored;
//   - NaN and the infinities read back as such;
//   - for a tracker that stages writes (lolpop::stages_writes): a rolled-back step leaves no
//     metric, and what a committed step logged is seen by a new instance.
// A broken law throws lolpop::error: "metrics tracker law '<law>' is broken: <what was seen>",
// where T::name. (null_metrics_tracker keeps nothing, by design, and keeps none of these.)
#include <lolpop/concepts/metrics_tracker.hpp>
#include <lolpop/concepts/stages_writes.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/resources.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <type_traits>

namespace lolpop::testing {

template <class Make>
void check_metrics_tracker_laws(Make&& make) {
    using T = std::remove_cvref_t<decltype(make())>;
    static_assert(metrics_tracker<T>, "check_metrics_tracker_laws: make() must return a lolpop::metrics_tracker");
    const std::string where(T::name);
    const auto require = [&](bool holds, const std::string& law, const std::string& seen) {
        if (!holds) throw error("metrics tracker law '" + law + "' is broken: " + seen, where);
    };
    const auto shown = [](const std::optional<double>& v) { return v ? std::to_string(*v) : std::string("none"); };
    std::random_device entropy;
    const std::string resource = "law_resource_" + std::to_string(entropy()) + "_" + std::to_string(entropy());

    T t = make();
    t.log_metric(resource, "auc", 0.75);
    t.log_metric(resource, "rmse", 1.5);
    require(t.get_metric(resource, "auc") == 0.75, "a logged metric reads back", "auc is " + shown(t.get_metric(resource, "auc")));
    require(!t.get_metric(resource, "missing").has_value(), "a logged metric reads back", "a metric never logged has a value");
    t.log_metric(resource, "auc", 0.8125);
    require(t.get_metric(resource, "auc") == 0.8125, "log again replaces",
            "auc is " + shown(t.get_metric(resource, "auc")) + " after logging 0.8125 over 0.75");
    require(t.get_metrics(resource) == metric_values{{"auc", 0.8125}, {"rmse", 1.5}}, "log again replaces",
            "get_metrics holds " + std::to_string(t.get_metrics(resource).size()) + " metrics, not auc and rmse");
    {
        T other = make();
        require(other.get_metrics(resource) == metric_values{{"auc", 0.8125}, {"rmse", 1.5}}, "a logged metric reads back",
                "a new instance does not see the metrics logged");
    }

    {
        bool threw = false;
        try {
            t.log_metrics(resource, metric_values{{"aa_first", 1.0}, {"", 2.0}, {"zz_last", 3.0}});
        } catch (const error&) {
            threw = true;
        }
        const bool none = !t.get_metric(resource, "aa_first") && !t.get_metric(resource, "zz_last");
        const bool all = t.get_metric(resource, "aa_first") == 1.0 && t.get_metric(resource, "") == 2.0 &&
                         t.get_metric(resource, "zz_last") == 3.0;
        require(threw ? none : all, "log_metrics is all or nothing",
                threw ? "it threw and stored some entries" : "it stored some entries only");
        if (!threw) t.log_metrics(resource, metric_values{{"aa_first", 1.0}});  // keep the next checks' counts simple
    }

    {
        const std::string odd = resource + "_nan";
        t.log_metrics(odd, metric_values{{"nan", std::numeric_limits<double>::quiet_NaN()},
                                         {"inf", std::numeric_limits<double>::infinity()},
                                         {"minus_inf", -std::numeric_limits<double>::infinity()}});
        const auto nan = t.get_metric(odd, "nan");
        require(nan && std::isnan(*nan), "NaN round-trips", "NaN reads back as " + shown(nan));
        const auto all = t.get_metrics(odd);
        require(all.size() == 3 && std::isnan(all.at("nan")), "NaN round-trips", "get_metrics does not return the NaN");
        require(all.at("inf") == std::numeric_limits<double>::infinity() &&
                    all.at("minus_inf") == -std::numeric_limits<double>::infinity(),
                "NaN round-trips", "the infinities do not read back");
    }

    if constexpr (stages_writes<T>) {
        const std::string staged = resource + "_step";
        t.begin_step();
        t.log_metric(staged, "auc", 0.5);
        t.log_metric(resource, "rmse", 9.0);
        require(t.get_metric(staged, "auc") == 0.5, "a step reads its own writes", "a metric logged in the step is not found");
        t.rollback_step();
        require(!t.get_metric(staged, "auc") && t.get_metric(resource, "rmse") == 1.5, "a rolled-back step leaves nothing",
                "a metric it logged or replaced is kept");

        t.begin_step();
        t.log_metrics(staged, metric_values{{"auc", 0.625}, {"f1", 0.25}});
        t.commit_step();
        T fresh = make();
        require(fresh.get_metrics(staged) == metric_values{{"auc", 0.625}, {"f1", 0.25}},
                "a committed step is seen by a new instance", "its metrics are not found");
    }
}

}  // namespace lolpop::testing
