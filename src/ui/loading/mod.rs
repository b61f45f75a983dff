//! Which dataset the page shows and how a new one arrives: the embedded dataset, a
//! same-origin file named by `?data=`, or a visitor's own file; the header controls for them,
//! the copy kept on this device, and the report shown when a dataset cannot be opened.

pub mod dataset_bar;
pub mod dataset_errors;
pub mod dataset_picker;
pub mod loader;
pub mod own_store;
