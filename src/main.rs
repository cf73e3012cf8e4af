//! The `lantoa` binary: parse the command line, run the library, map the result to an exit code.

fn main() -> std::process::ExitCode {
    lantoa::cli::main()
}
