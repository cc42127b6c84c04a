//! Helpers every layer uses: how times are written, text made safe for a terminal, lines for
//! standard error that never panic, and the `From` impls that let `?` wrap a lower layer's error.

pub mod format;
pub mod notice;
pub mod text;

/// `From` for each lower layer's error into a variant of the layer's own error type, so `?`
/// carries it up whole: `wrap_errors!(CmdError: Store(StoreError), Log(LoadError))`.
macro_rules! wrap_errors {
    ($target:ty: $($variant:ident($error:ty)),* $(,)?) => {
        $(impl From<$error> for $target {
            fn from(err: $error) -> Self {
                Self::$variant(err)
            }
        })*
    };
}
pub(crate) use wrap_errors;
