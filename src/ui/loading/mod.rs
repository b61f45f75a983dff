//! Which dataset the page shows and how a new one arrives: the embedded dataset, a
//! same-origin file named by `?data=`, or a visitor's own file. `deck_model` is that state
//! and its rules, plain; `loader` carries out the visitor's commands, with the loader worker
//! (`worker_client`) and the copy kept on this device (`own_store`); the header controls
//! for them, and the report shown when a dataset cannot be opened.

pub mod dataset_bar;
pub mod dataset_errors;
pub mod dataset_picker;
pub mod deck_model;
pub mod loader;
pub mod own_store;
pub mod worker_client;
