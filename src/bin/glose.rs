//! The `glose` command line: a thin shell around [`glose::analyze`].

use std::collections::{BTreeMap, VecDeque};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;
use std::sync::{mpsc, Mutex};

use glose::{analyze, Options};

#[path = "glose/alloc.rs"]
mod alloc;
#[path = "glose/batch.rs"]
mod batch;

#[global_allocator]
static ALLOCATOR: alloc::MiMalloc = alloc::MiMalloc;

const USAGE: &str = "\
usage: glose analyze [--lang fr|en|auto] [--date YYYY-MM-DD] [--offsets utf16|char|byte] [--pretty] FILE|-
       glose analyze --jsonl [--offsets utf16|char|byte] [--jobs N] FILE|-

Prints the analysis of a news article as JSON (schema glose/1).
With --jsonl, reads one {\"id\", \"text\", \"lang\"?, \"date\"?} object per line and
prints one analysis per line, in order, each with its id. --jobs sets how many
lines are analysed at once (default: one per core).
Offsets default to utf16 (JavaScript string indices); use char for Python.";

/// The most lines analysed at once: each holds its line and its answer.
const MAX_JOBS: usize = 64;

/// How many bytes of input lines a batch holds at once, past its first line:
/// an analysis takes about twenty times its article's size at its peak.
const IN_FLIGHT_BYTES: usize = 16 << 20;

/// A failure that ends the run: a one-line message and exit code 2.
struct Fatal(String);

#[derive(Default)]
struct Args {
    lang: Option<String>,
    date: Option<String>,
    offsets: Option<String>,
    pretty: bool,
    jsonl: bool,
    jobs: Option<usize>,
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
            "--jobs" => {
                let n = value("--jobs")?;
                match n.parse::<usize>() {
                    Ok(n) if (1..=MAX_JOBS).contains(&n) => args.jobs = Some(n),
                    _ => return Err(Fatal(format!("--jobs needs a number from 1 to {MAX_JOBS}, not {n:?}\n{USAGE}"))),
                }
            }
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

/// One line in, one line out, in order. `--jobs` lines are analysed at once,
/// each on its own thread: an archive is many independent articles, and the core
/// is pure. Memory is bounded by a few lines per job.
fn run_jsonl(input: &mut dyn BufRead, out: &mut dyn Write, args: &Args, base: &Options) -> Result<(), Fatal> {
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(8)));
    // The core does not panic on any input (it is fuzzed for that); should it
    // still, the line gets an error and the batch goes on, as for a bad line.
    let answer = |line: &[u8], number: usize| {
        std::panic::catch_unwind(|| batch::answer(line, number, args.lang.as_deref(), base)).unwrap_or_else(|_| {
            format!("{{\"id\":null,\"error\":\"line {number}: internal error in glose, please report it\"}}")
        })
    };
    if jobs == 1 {
        return each_line(input, |line, number| {
            let answer = answer(line, number);
            write_line(out, &answer)
        });
    }
    // Workers take (place, line number, line) from `todo` and hand back
    // (place, answer); answers are written as soon as every earlier one is.
    // At most `window` lines, and past the first, `IN_FLIGHT_BYTES` of them,
    // are out at once, which bounds memory.
    let window = jobs * 4;
    let (todo_tx, todo_rx) = mpsc::sync_channel::<(usize, usize, Vec<u8>)>(window);
    let todo_rx = Mutex::new(todo_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, String)>();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let (todo_rx, done_tx, answer) = (&todo_rx, done_tx.clone(), &answer);
            scope.spawn(move || loop {
                // The lock is held only to take a line, not to analyse it.
                let next = todo_rx.lock().map_or(None, |rx| rx.recv().ok());
                let Some((place, number, line)) = next else { break };
                if done_tx.send((place, answer(&line, number))).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        let mut order = InOrder::default();
        let read = each_line(input, |line, number| {
            while order.held() >= window || (order.held() > 0 && order.bytes + line.len() > IN_FLIGHT_BYTES) {
                order.write_next(&done_rx, out)?;
            }
            todo_tx.send((order.sent, number, line.to_vec())).map_err(|_| Fatal("a batch worker stopped".into()))?;
            order.sent_one(line.len());
            Ok(())
        });
        // No more lines: the workers finish what they hold, then stop.
        drop(todo_tx);
        read?;
        while order.held() > 0 {
            order.write_next(&done_rx, out)?;
        }
        Ok(())
    })
}

/// The lines of a batch out with the workers, and the answers that came back
/// before an earlier one.
#[derive(Default)]
struct InOrder {
    /// How many lines were sent.
    sent: usize,
    /// How many answers were written.
    written: usize,
    /// The size of each line sent and not yet written, oldest first, and their sum.
    sizes: VecDeque<usize>,
    bytes: usize,
    ready: BTreeMap<usize, String>,
}

impl InOrder {
    fn held(&self) -> usize {
        self.sent - self.written
    }

    fn sent_one(&mut self, size: usize) {
        self.sent += 1;
        self.sizes.push_back(size);
        self.bytes += size;
    }

    /// Waits for one answer, then writes every answer whose turn has come.
    fn write_next(&mut self, done: &mpsc::Receiver<(usize, String)>, out: &mut dyn Write) -> Result<(), Fatal> {
        let (place, answer) = done.recv().map_err(|_| Fatal("a batch worker stopped".into()))?;
        self.ready.insert(place, answer);
        while let Some(answer) = self.ready.remove(&self.written) {
            write_line(out, &answer)?;
            self.written += 1;
            self.bytes -= self.sizes.pop_front().unwrap_or(0);
        }
        Ok(())
    }
}

/// Calls `f` with each line that is not blank, and its 1-based number.
fn each_line(input: &mut dyn BufRead, mut f: impl FnMut(&[u8], usize) -> Result<(), Fatal>) -> Result<(), Fatal> {
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        let n = input.read_until(b'\n', &mut line).map_err(|e| Fatal(format!("cannot read input: {e}")))?;
        if n == 0 {
            return Ok(());
        }
        number += 1;
        if !line.iter().all(u8::is_ascii_whitespace) {
            f(&line, number)?;
        }
    }
}

/// Writes one output line and flushes it, so a reader downstream sees each
/// answer as soon as it is ready.
fn write_line(out: &mut dyn Write, answer: &str) -> Result<(), Fatal> {
    out.write_all(answer.as_bytes()).map_err(write_err)?;
    out.write_all(b"\n").map_err(write_err)?;
    out.flush().map_err(write_err)
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
