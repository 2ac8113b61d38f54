//! Tests that need a component outside Rust: Graphviz, Chromium, a Python
//! with networkx, a pseudo-terminal (`script`), the real exports in
//! `../shared/realdata/` (beside the repository, as CI lays it out). When the component is
//! missing they are reported as ignored, with the reason in their kind
//! (`[needs chromium]`) — unless `CI` is set, where a missing component
//! makes the test run and fail, so that it can never quietly vanish.

#[path = "../integration/util.rs"]
mod util;

mod chromium;
#[path = "../common/generated.rs"]
mod generated;
mod graphviz;
mod map_geometry;
mod networkx;
mod openpyxl;
mod realdata;
mod terminal;

use libtest_mimic::{Arguments, Trial};
use std::process::Command;

/// A component some tests need, and whether this machine has it.
#[derive(Clone, Copy)]
enum Needs {
    Graphviz,
    Chromium,
    Networkx,
    Openpyxl,
    Terminal,
    SharedData,
}

impl Needs {
    fn name(self) -> &'static str {
        match self {
            Needs::Graphviz => "needs graphviz",
            Needs::Chromium => "needs chromium",
            Needs::Networkx => "needs networkx",
            Needs::Openpyxl => "needs openpyxl",
            Needs::Terminal => "needs script",
            Needs::SharedData => "needs ../shared/realdata",
        }
    }

    fn present(self) -> bool {
        match self {
            Needs::Graphviz => util::graphviz(),
            Needs::Chromium => chromium::chromium().is_some(),
            Needs::Networkx => networkx::python_with_networkx().is_some(),
            Needs::Openpyxl => openpyxl::python_with_openpyxl().is_some(),
            Needs::Terminal => Command::new("script")
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success()),
            Needs::SharedData => realdata::folder().is_dir(),
        }
    }
}

fn trial(name: &'static str, needs: Needs, test: fn()) -> Trial {
    let under_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
    let missing = !needs.present();
    Trial::test(name, move || {
        if missing {
            return Err(format!("{} is not installed, and CI requires it", needs.name()).into());
        }
        test();
        Ok(())
    })
    .with_kind(needs.name())
    .with_ignored_flag(missing && !under_ci)
}

fn main() {
    let args = Arguments::from_args();
    let tests = vec![
        trial(
            "hostile_names_through_every_engine",
            Needs::Graphviz,
            graphviz::hostile_names_through_every_engine,
        ),
        trial(
            "every_map_keeps_legend_and_labels_apart",
            Needs::Chromium,
            map_geometry::every_map_keeps_legend_and_labels_apart,
        ),
        trial(
            "clustered_maps_are_the_same_every_run",
            Needs::Graphviz,
            graphviz::clustered_maps_are_the_same_every_run,
        ),
        trial(
            "slow_layouts_fall_back_to_the_builtin_layout",
            Needs::Graphviz,
            graphviz::slow_layouts_fall_back_to_the_builtin_layout,
        ),
        trial(
            "pdf_has_the_asked_page",
            Needs::Graphviz,
            map_geometry::pdf_has_the_asked_page,
        ),
        trial(
            "png_has_the_asked_size",
            Needs::Graphviz,
            map_geometry::png_has_the_asked_size,
        ),
        trial(
            "report_opens_offline_in_chromium",
            Needs::Chromium,
            chromium::report_opens_offline_in_chromium,
        ),
        trial(
            "hostile_names_inject_nothing_into_the_report",
            Needs::Chromium,
            chromium::hostile_names_inject_nothing_into_the_report,
        ),
        trial(
            "a_large_report_reads_at_1280_px",
            Needs::Chromium,
            chromium::a_large_report_reads_at_1280_px,
        ),
        trial(
            "report_fits_a4_and_prints_to_pdf",
            Needs::Chromium,
            chromium::report_fits_a4_and_prints_to_pdf,
        ),
        trial(
            "networkx_reads_every_export_of_the_seed_network",
            Needs::Networkx,
            networkx::networkx_reads_every_export_of_the_seed_network,
        ),
        trial(
            "hostile_names_survive_every_export",
            Needs::Networkx,
            networkx::hostile_names_survive_every_export,
        ),
        trial(
            "openpyxl_reads_the_exported_workbook",
            Needs::Openpyxl,
            openpyxl::openpyxl_reads_the_exported_workbook,
        ),
        trial(
            "table_outputs_as_workbooks_keep_types_and_text",
            Needs::Openpyxl,
            openpyxl::table_outputs_as_workbooks_keep_types_and_text,
        ),
        trial(
            "openpyxl_reads_the_report_workbook_of_a_large_network",
            Needs::Openpyxl,
            openpyxl::openpyxl_reads_the_report_workbook_of_a_large_network,
        ),
        trial(
            "the_real_keep_eu_workbook_is_read_cell_by_cell",
            Needs::SharedData,
            realdata::the_real_keep_eu_workbook_is_read_cell_by_cell,
        ),
        trial(
            "the_keep_eu_export_imports_as_downloaded",
            Needs::SharedData,
            realdata::the_keep_eu_export_imports_as_downloaded,
        ),
        trial(
            "keep_eu_through_every_backbone_model",
            Needs::SharedData,
            realdata::keep_eu_through_every_backbone_model,
        ),
        trial(
            "interreg_and_urbact_import_through_their_mappings",
            Needs::SharedData,
            realdata::interreg_and_urbact_import_through_their_mappings,
        ),
        trial(
            "progress_bar_on_a_terminal",
            Needs::Terminal,
            terminal::progress_bar_on_a_terminal,
        ),
    ];
    libtest_mimic::run(&args, tests).exit();
}
