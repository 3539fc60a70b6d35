#include "harness/cli.h"

int main(int argc, char** argv) { return ovbench::run_cli(argc, argv); }
