#include <lolpop/data/dense_matrix.hpp>

#include <doctest/doctest.h>

#include <cmath>

using namespace lolpop;

TEST_CASE("a dense matrix is row-major floats with named columns, missing until written") {
    const row_layout columns{{"x", column_type::numeric, {}}, {"c", column_type::categorical, {"a", "b"}}};
    dense_matrix m(2, columns);
    CHECK(m.rows() == 2);
    CHECK(m.cols() == 2);
    CHECK(std::isnan(m(1, 1)));
    m.row(1)[0] = 3.5f;
    m.data()[1] = 1;
    CHECK(m(1, 0) == 3.5f);
    CHECK(m(0, 1) == 1.0f);
    CHECK(m.columns() == columns);

    const dense_matrix copy = m;
    m.row(1)[0] = 0;
    CHECK(copy(1, 0) == 3.5f);
    CHECK(copy.columns()[1].categories == std::vector<std::string>{"a", "b"});

    dense_matrix written = dense_matrix::for_overwrite(3, columns);
    for (std::size_t i = 0; i < 6; ++i) written.data()[i] = static_cast<float>(i);
    CHECK(written(2, 1) == 5.0f);
    CHECK(dense_matrix().rows() == 0);
}
