//! The command line: the arguments (`cli`) and one module per subcommand, each a thin layer
//! over the library that parses, calls and prints.

pub mod cli;
pub mod group;
pub mod roster;
pub mod script;
