//! The `glose` command line: a thin shell around [`glose::analyze`].

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use glose::{analyze, Options};

#[path = "glose/batch.rs"]
mod batch;

const USAGE: &str = "\
usage: glose analyze [--lang fr|en|auto] [--date YYYY-MM-DD] [--offsets utf16|char|byte] [--pretty] FILE|-
       glose analyze --jsonl [--offsets utf16|char|byte] FILE|-

Prints the analysis of a news article as JSON (schema glose/1).
With --jsonl, reads one {\"id\", \"text\", \"lang\"?, \"date\"?} object per line and
prints one analysis per line, in order, each with its id.
Offsets default to utf16 (JavaScript string indices); use char for Python.";

/// A failure that ends the run: a one-line message and exit code 2.
struct Fatal(String);

#[derive(Default)]
struct Args {
    lang: Option<String>,
    date: Option<String>,
    offsets: Option<String>,
    pretty: bool,
    jsonl: bool,
    input: Option<String>,
}

fn parse_args(argv: &[String]) -> Result<Args, Fatal> {
    let mut it = argv.iter();
    match it.next().map(String::as_str) {
        Some("analyze") => {}
        Some("-h" | "--help" | "help") => return Err(Fatal(USAGE.to_string())),
        Some("-V" | "--version") => return Err(Fatal(format!("glose {}", env!("CARGO_PKG_VERSION")))),
        Some(other) => return Err(Fatal(format!("unknown command {other:?}\n{USAGE}"))),
        None => return Err(Fatal(USAGE.to_string())),
    }
    let mut args = Args::default();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| Fatal(format!("{name} needs a value\n{USAGE}")));
        match a.as_str() {
            "--lang" => args.lang = Some(value("--lang")?),
            "--date" => args.date = Some(value("--date")?),
            "--offsets" => args.offsets = Some(value("--offsets")?),
            "--pretty" => args.pretty = true,
            "--jsonl" => args.jsonl = true,
            "-h" | "--help" => return Err(Fatal(USAGE.to_string())),
            s if s.starts_with("--") => return Err(Fatal(format!("unknown option {s:?}\n{USAGE}"))),
            s => {
                if args.input.replace(s.to_string()).is_some() {
                    return Err(Fatal(format!("only one input file is allowed\n{USAGE}")));
                }
            }
        }
    }
    if args.input.is_none() {
        return Err(Fatal(format!("missing input FILE or -\n{USAGE}")));
    }
    Ok(args)
}

fn open_input(path: &str) -> Result<Box<dyn BufRead>, Fatal> {
    if path == "-" {
        return Ok(Box::new(io::BufReader::new(io::stdin())));
    }
    let file = std::fs::File::open(path).map_err(|e| Fatal(format!("cannot read {path}: {e}")))?;
    Ok(Box::new(io::BufReader::with_capacity(1 << 16, file)))
}

fn write_err(e: io::Error) -> Fatal {
    Fatal(format!("cannot write output: {e}"))
}

fn run(argv: &[String]) -> Result<(), Fatal> {
    let args = parse_args(argv)?;
    let path = args.input.as_deref().expect("parse_args requires an input");
    let mut input = open_input(path)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.jsonl {
        let base = Options::parse(args.lang.as_deref(), args.date.as_deref(), args.offsets.as_deref())
            .map_err(|e| Fatal(e.to_string()))?;
        return run_jsonl(&mut input, &mut out, &args, &base);
    }
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes).map_err(|e| Fatal(format!("cannot read {path}: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Fatal(format!("{path} is not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to()))
    })?;
    let opts = Options::parse(args.lang.as_deref(), args.date.as_deref(), args.offsets.as_deref())
        .map_err(|e| Fatal(e.to_string()))?;
    let analysis = analyze(&text, &opts).map_err(|e| Fatal(e.to_string()))?;
    let res = if args.pretty {
        serde_json::to_writer_pretty(&mut out, &analysis)
    } else {
        serde_json::to_writer(&mut out, &analysis)
    };
    res.map_err(|e| write_err(e.into()))?;
    writeln!(out).map_err(write_err)?;
    out.flush().map_err(write_err)
}

/// One line in, one line out, in order; memory is bounded by the longest line.
fn run_jsonl(input: &mut dyn BufRead, out: &mut dyn Write, args: &Args, base: &Options) -> Result<(), Fatal> {
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        let n = input.read_until(b'\n', &mut line).map_err(|e| Fatal(format!("cannot read input: {e}")))?;
        if n == 0 {
            break;
        }
        number += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let answer = batch::answer(&line, number, args.lang.as_deref(), base);
        out.write_all(answer.as_bytes()).map_err(write_err)?;
        out.write_all(b"\n").map_err(write_err)?;
        out.flush().map_err(write_err)?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(&argv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fatal(msg)) => {
            let help = msg.starts_with("usage:") || msg.starts_with("glose ");
            if help && (argv.iter().any(|a| a == "-h" || a == "--help" || a == "help" || a == "-V" || a == "--version"))
            {
                println!("{msg}");
                return ExitCode::SUCCESS;
            }
            eprintln!("glose: {msg}");
            ExitCode::from(2)
        }
    }
}
