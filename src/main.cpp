#include "pum/cli/run.hpp"

int main(int argc, char** argv) { return pum::cli::run(argc, argv); }
