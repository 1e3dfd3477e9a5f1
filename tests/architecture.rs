//! The shape of the code, held as the tests hold output: no two modules of `src/` import each
//! other (directly or through others), no file is past a sitting, no function past a screenful
//! or two. Read from the source with `syn`, the way the compiler reads it: every `use` and every
//! path written `crate::…`, `super::…`, `self::…` or through a child module counts as an import;
//! declaring a child (`mod x;`) does not, nor does code under `#[cfg(test)]`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::spanned::Spanned;
use syn::visit::Visit;

/// Most lines a file under `src/` may have.
const MOST_FILE_LINES: usize = 600;
/// Most lines a function may span, signature to closing brace.
const MOST_FUNCTION_LINES: usize = 100;

/// A module's path below the crate root: `["commands", "show"]`; the root is empty.
type ModulePath = Vec<String>;

/// One source file: its module and its text.
struct SourceFile {
    module: ModulePath,
    path: PathBuf,
    text: String,
}

fn source_files() -> Vec<SourceFile> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{folder:?}: {e}"));
        for entry in entries {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(&root).unwrap_or(&path);
                // main.rs is the binary's crate, which uses the library from outside.
                if relative == Path::new("main.rs") {
                    continue;
                }
                let mut module: ModulePath = relative
                    .with_extension("")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                    module.pop();
                }
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
                files.push(SourceFile { module, path, text });
            }
        }
    }
    files.sort_by(|a, b| a.module.cmp(&b.module));
    files
}

/// Whether an item carries `#[cfg(test)]`.
fn is_test_only(attributes: &[syn::Attribute]) -> bool {
    attributes.iter().any(|attribute| {
        attribute.path().is_ident("cfg")
            && attribute
                .parse_args::<syn::Path>()
                .is_ok_and(|p| p.is_ident("test"))
    })
}

/// Walks one file, recording the modules its paths reach and the length of each function.
struct Walker<'a> {
    module: &'a ModulePath,
    modules: &'a BTreeSet<ModulePath>,
    /// How deep inside inline `mod x { … }` blocks the walk is.
    inline_depth: usize,
    imports: BTreeMap<ModulePath, usize>,
    long_functions: Vec<(String, usize, usize)>,
}

impl Walker<'_> {
    /// The module a path written here names, if it names one of the crate's.
    fn resolve(&self, segments: &[String], line: usize) -> Option<(ModulePath, usize)> {
        let first = segments.first()?;
        let (mut base, rest): (ModulePath, &[String]) = match first.as_str() {
            "crate" => (Vec::new(), &segments[1..]),
            "self" => (self.module.clone(), &segments[1..]),
            "super" => {
                let supers = segments.iter().take_while(|s| *s == "super").count();
                let file_levels = supers.saturating_sub(self.inline_depth);
                let mut base = self.module.clone();
                for _ in 0..file_levels {
                    base.pop()?;
                }
                (base, &segments[supers..])
            }
            _ => {
                let mut child = self.module.clone();
                child.push(first.clone());
                if !self.modules.contains(&child) {
                    return None;
                }
                (self.module.clone(), segments)
            }
        };
        let mut found = base.clone();
        for segment in rest {
            base.push(segment.clone());
            if self.modules.contains(&base) {
                found = base.clone();
            }
        }
        Some((found, line))
    }

    fn record(&mut self, segments: Vec<String>, line: usize) {
        if let Some((target, line)) = self.resolve(&segments, line)
            && &target != self.module
        {
            self.imports.entry(target).or_insert(line);
        }
    }

    fn function(&mut self, name: String, start: usize, end: usize) {
        let lines = end + 1 - start;
        if lines > MOST_FUNCTION_LINES {
            self.long_functions.push((name, start, lines));
        }
    }
}

/// Every full path a `use` tree names (a glob or a group ends where it starts).
fn use_paths(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match tree {
        syn::UseTree::Path(path) => {
            prefix.push(path.ident.to_string());
            use_paths(&path.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(name) => {
            let mut path = prefix.clone();
            if name.ident != "self" {
                path.push(name.ident.to_string());
            }
            out.push(path);
        }
        syn::UseTree::Rename(rename) => {
            let mut path = prefix.clone();
            path.push(rename.ident.to_string());
            out.push(path);
        }
        syn::UseTree::Glob(_) => out.push(prefix.clone()),
        syn::UseTree::Group(group) => {
            for tree in &group.items {
                use_paths(tree, prefix, out);
            }
        }
    }
}

impl<'ast> Visit<'ast> for Walker<'_> {
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        if is_test_only(&item.attrs) {
            return;
        }
        let mut paths = Vec::new();
        use_paths(&item.tree, &mut Vec::new(), &mut paths);
        for path in paths {
            self.record(path, item.span().start().line);
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        // A path of one segment is a value, a type or a macro in scope, never a module.
        if path.segments.len() > 1 {
            let segments = path.segments.iter().map(|s| s.ident.to_string()).collect();
            self.record(segments, path.span().start().line);
        }
        syn::visit::visit_path(self, path);
    }

    /// `pub(crate)` and `pub(super)` say who may see an item, not what it uses.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if is_test_only(&item.attrs) || item.content.is_none() {
            return;
        }
        self.inline_depth += 1;
        syn::visit::visit_item_mod(self, item);
        self.inline_depth -= 1;
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if is_test_only(&item.attrs) {
            return;
        }
        let (start, end) = (
            item.sig.fn_token.span.start().line,
            item.block.span().end().line,
        );
        self.function(item.sig.ident.to_string(), start, end);
        syn::visit::visit_item_fn(self, item);
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        let (start, end) = (
            item.sig.fn_token.span.start().line,
            item.block.span().end().line,
        );
        self.function(item.sig.ident.to_string(), start, end);
        syn::visit::visit_impl_item_fn(self, item);
    }

    fn visit_item_impl(&mut self, item: &'ast syn::ItemImpl) {
        if !is_test_only(&item.attrs) {
            syn::visit::visit_item_impl(self, item);
        }
    }
}

/// What each module imports (with the first line it does so on), and the functions too long.
struct Survey {
    imports: BTreeMap<ModulePath, BTreeMap<ModulePath, usize>>,
    paths: BTreeMap<ModulePath, PathBuf>,
    long_functions: Vec<String>,
}

fn survey(files: &[SourceFile]) -> Survey {
    let modules: BTreeSet<ModulePath> = files.iter().map(|f| f.module.clone()).collect();
    let mut survey = Survey {
        imports: BTreeMap::new(),
        paths: BTreeMap::new(),
        long_functions: Vec::new(),
    };
    for file in files {
        let parsed = syn::parse_file(&file.text).unwrap_or_else(|e| panic!("{:?}: {e}", file.path));
        let mut walker = Walker {
            module: &file.module,
            modules: &modules,
            inline_depth: 0,
            imports: BTreeMap::new(),
            long_functions: Vec::new(),
        };
        walker.visit_file(&parsed);
        for (name, line, lines) in walker.long_functions {
            survey.long_functions.push(format!(
                "{}:{line}: fn {name} is {lines} lines",
                shown(&file.path)
            ));
        }
        survey.imports.insert(file.module.clone(), walker.imports);
        survey.paths.insert(file.module.clone(), file.path.clone());
    }
    survey
}

fn shown(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn name(module: &ModulePath) -> String {
    if module.is_empty() {
        "crate".to_string()
    } else {
        module.join("::")
    }
}

/// The groups of modules that reach each other through imports (Tarjan's strongly connected
/// components), each of more than one module.
fn circles(imports: &BTreeMap<ModulePath, BTreeMap<ModulePath, usize>>) -> Vec<Vec<ModulePath>> {
    struct State<'a> {
        imports: &'a BTreeMap<ModulePath, BTreeMap<ModulePath, usize>>,
        index: BTreeMap<&'a ModulePath, usize>,
        low: BTreeMap<&'a ModulePath, usize>,
        stack: Vec<&'a ModulePath>,
        on_stack: BTreeSet<&'a ModulePath>,
        found: Vec<Vec<ModulePath>>,
    }
    fn connect<'a>(state: &mut State<'a>, module: &'a ModulePath) {
        let at = state.index.len();
        state.index.insert(module, at);
        state.low.insert(module, at);
        state.stack.push(module);
        state.on_stack.insert(module);
        let targets = state.imports.get(module).into_iter().flat_map(|t| t.keys());
        for target in targets {
            if !state.imports.contains_key(target) {
                continue;
            }
            if !state.index.contains_key(target) {
                connect(state, target);
                let low = state.low[module].min(state.low[target]);
                state.low.insert(module, low);
            } else if state.on_stack.contains(target) {
                let low = state.low[module].min(state.index[target]);
                state.low.insert(module, low);
            }
        }
        if state.low[module] == state.index[module] {
            let mut group = Vec::new();
            while let Some(member) = state.stack.pop() {
                state.on_stack.remove(member);
                group.push(member.clone());
                if member == module {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                state.found.push(group);
            }
        }
    }
    let mut state = State {
        imports,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for module in imports.keys() {
        if !state.index.contains_key(module) {
            connect(&mut state, module);
        }
    }
    state.found
}

#[test]
fn no_two_modules_import_each_other() {
    let survey = survey(&source_files());
    let mut report = Vec::new();
    for group in circles(&survey.imports) {
        let members: BTreeSet<&ModulePath> = group.iter().collect();
        report.push(format!(
            "a circle: {}",
            group.iter().map(name).collect::<Vec<_>>().join(", ")
        ));
        for module in &group {
            for (target, line) in &survey.imports[module] {
                if members.contains(target) {
                    report.push(format!(
                        "  {}:{line} imports {}",
                        shown(&survey.paths[module]),
                        name(target)
                    ));
                }
            }
        }
    }
    assert!(report.is_empty(), "\n{}", report.join("\n"));
}

/// The modules under `commands/` every command may use: what they share, not commands.
const SHARED_BY_COMMANDS: [&str; 1] = ["sources"];

#[test]
fn no_command_imports_another_command() {
    let survey = survey(&source_files());
    let command = |module: &ModulePath| -> Option<String> {
        match module.as_slice() {
            [top, name, ..]
                if top == "commands" && !SHARED_BY_COMMANDS.contains(&name.as_str()) =>
            {
                Some(name.clone())
            }
            _ => None,
        }
    };
    let mut report = Vec::new();
    for (module, imports) in &survey.imports {
        let Some(mine) = command(module) else {
            continue;
        };
        for (target, line) in imports {
            if command(target).is_some_and(|theirs| theirs != mine) {
                report.push(format!(
                    "{}:{line} imports {}",
                    shown(&survey.paths[module]),
                    name(target)
                ));
            }
        }
    }
    assert!(report.is_empty(), "\n{}", report.join("\n"));
}

#[test]
fn no_file_is_past_a_sitting_and_no_function_past_a_screenful_or_two() {
    let files = source_files();
    let mut report: Vec<String> = files
        .iter()
        .map(|file| (file, file.text.lines().count()))
        .filter(|(_, lines)| *lines > MOST_FILE_LINES)
        .map(|(file, lines)| format!("{} is {lines} lines", shown(&file.path)))
        .collect();
    report.extend(survey(&files).long_functions);
    assert!(
        report.is_empty(),
        "files over {MOST_FILE_LINES} lines or functions over {MOST_FUNCTION_LINES}:\n{}",
        report.join("\n")
    );
}

/// The check itself: a circle of two files is found, and a tree is not taken for one.
#[test]
fn the_circle_check_finds_a_circle_and_passes_a_tree() {
    let file = |module: &[&str], text: &str| SourceFile {
        module: module.iter().map(|s| s.to_string()).collect(),
        path: PathBuf::from(format!("{}.rs", module.join("/"))),
        text: text.to_string(),
    };
    let circle = [
        file(&[], "pub mod a; pub mod b;"),
        file(&["a"], "use crate::b::B; pub struct A;"),
        file(&["b"], "pub struct B; fn f() -> super::a::A { todo!() }"),
    ];
    assert_eq!(circles(&survey(&circle).imports).len(), 1);
    let tree = [
        file(&[], "pub mod a; pub mod b; use a::A;"),
        file(&["a"], "use crate::b::B; pub struct A;"),
        file(
            &["b"],
            "pub struct B; #[cfg(test)] mod tests { use crate::a::A; }",
        ),
    ];
    assert!(circles(&survey(&tree).imports).is_empty());
}
