/**
 * The one catalogue of what the CLI says, in English and Chinese. The language comes from
 * --lang, else LC_ALL / LC_MESSAGES / LANG (zh_* → Chinese); codes (E_…, W_…) never change.
 * Placeholders are {name}. Pure apart from the chosen language.
 */
import { warningTextZh } from "../report/warning-text.js";

export type Lang = "en" | "zh";

interface Entry {
  readonly en: string;
  readonly zh: string;
}

const CATALOGUE = {
  // --- overwrite protection ---
  outIsInput: { en: "refusing to overwrite {file}: it is one of the inputs", zh: "拒绝覆盖 {file}：它是输入文件之一" },
  outIsInputHint: { en: "choose another --out", zh: "请换一个 --out 路径" },
  outNotOurs: { en: "refusing to overwrite {file}: it exists and is not a {kind} file gongkai wrote", zh: "拒绝覆盖 {file}：该文件已存在，且不是 gongkai 写出的 {kind} 文件" },
  outNotOursHint: { en: "choose another --out, or add --force to replace it", zh: "请换一个 --out 路径，或加 --force 强制覆盖" },
  // --- options ---
  formatVsOut: { en: "--format {format} contradicts --out {out}, which names {other}", zh: "--format {format} 与 --out {out}（{other} 格式）相互矛盾" },
  formatVsOutHint: { en: "drop --format, or give --out the matching extension", zh: "去掉 --format，或让 --out 使用对应的扩展名" },
  unknownOutExt: { en: "--out {out}: gongkai does not know which format to write for {ext}", zh: "--out {out}：无法根据 {ext} 判断输出格式" },
  noExtension: { en: "a name without extension", zh: "无扩展名的文件名" },
  unknownOutExtHint: { en: "use one of {choices}, or say the format with --format", zh: "请使用 {choices} 之一，或用 --format 指定格式" },
  badOptionChoice: { en: "{option} must be one of: {choices}", zh: "{option} 只能取以下值之一：{choices}" },
  badOptionValue: { en: "{option}: {problem}", zh: "{option}：{problem}" },
  excelNeedsCsv: { en: "--excel is a CSV dialect; it cannot be used with --format {format}", zh: "--excel 是一种 CSV 格式，不能与 --format {format} 同用" },
  excelNeedsCsvHint: { en: "drop --format, or use --format csv", zh: "去掉 --format，或用 --format csv" },
  unknownOption: { en: "unknown option {option}", zh: "未知选项 {option}" },
  unknownOptionDidYouMean: { en: "unknown option {option}; did you mean {guess}?", zh: "未知选项 {option}，是否想用 {guess}？" },
  missingOption: { en: "{option} is required", zh: "必须给出 {option}" },
  missingArgument: { en: "missing {name}", zh: "缺少参数 {name}" },
  optionNeedsValue: { en: "{option} needs a value", zh: "{option} 需要一个值" },
  seeHelp: { en: "see --help", zh: "参见 --help" },
  // --- batch set-up and stops ---
  stdinOnce: { en: "stdin (-) can be given only once", zh: "标准输入（-）只能给一次" },
  outAndOutDir: { en: "--out and --out-dir cannot be used together", zh: "--out 与 --out-dir 不能同时使用" },
  outAndOutDirHint: { en: "--out writes one combined file, --out-dir one file per input", zh: "--out 写一个合并文件，--out-dir 为每个输入各写一个文件" },
  errorsInlineNeedsJson: { en: "--errors inline needs --format json or ndjson", zh: "--errors inline 需要 --format json 或 ndjson" },
  xlsxToTerminal: { en: "refusing to write an XLSX workbook to a terminal", zh: "拒绝把 XLSX 工作簿写到终端" },
  xlsxToTerminalHint: { en: "use --out FILE.xlsx", zh: "请用 --out 文件名.xlsx" },
  outDirNotFolder: { en: "--out-dir {dir} is not a folder", zh: "--out-dir {dir} 不是文件夹" },
  outIsFolder: { en: "--out {out} is a folder", zh: "--out {out} 是文件夹" },
  outIsFolderHint: { en: "use --out-dir for one file per input", zh: "每个输入各写一个文件请用 --out-dir" },
  noInput: { en: "no input given", zh: "没有给出输入" },
  attachmentNeedsOneFile: { en: "--attachment goes with exactly one notice file", zh: "--attachment 只能配合一个通知文件使用" },
  attachmentNeedsOneFileHint: { en: "name the notice once, then --attachment for each file; for folders use --bundles", zh: "请只给出一个通知文件，每个附件文件用一次 --attachment；文件夹请用 --bundles" },
  bundleFolderNotOne: { en: "{dir}: --bundles wants a folder that holds one notice (found {n} documents)", zh: "{dir}：--bundles 要求文件夹中只有一个通知（找到 {n} 个文档）" },
  attachmentAndBundles: { en: "--attachment and --bundles cannot be used together", zh: "--attachment 与 --bundles 不能同时使用" },
  optAttachment: { en: "an attachment file of the notice, read with it as one document (repeatable; any readable format)", zh: "通知的附件文件，与通知合为一个文档解析（可重复；任一可读格式）" },
  optCompareBundles: { en: "an input that is a folder is the notice it holds, read with its attachment files (see parse --bundles)", zh: "文件夹输入即其中的通知，与其附件文件合为一个文档（见 parse --bundles）" },
  optBundles: { en: "in folders, read each notice with the files beside it (and in its attachments/ or <page>_files/ sub-folder, and the files its page links to) as one document", zh: "在文件夹中，把每个通知与其旁边的文件（以及 attachments/、<页面>_files/ 子文件夹中的文件和页面链接到的文件）合为一个文档解析" },
  noInputHint: { en: "name files or folders, or - for stdin", zh: "请给出文件或文件夹，或用 - 表示标准输入" },
  jobsAtLeastOne: { en: "--jobs must be at least 1", zh: "--jobs 至少为 1" },
  whyInterrupted: { en: "interrupted", zh: "已中断" },
  whyStopped: { en: "stopped", zh: "已停止" },
  whyFailFast: { en: "stopped at the first failure (--fail-fast)", zh: "遇到第一个失败即停止（--fail-fast）" },
  stoppedAfter: { en: "{why} after {n} of {total} inputs; {written}", zh: "{why}：已处理 {total} 个输入中的 {n} 个；{written}" },
  nothingWritten: { en: "nothing written to {to}", zh: "未写入 {to}" },
  wroteOneUnder: { en: "wrote {n} file under {dir}", zh: "已在 {dir} 下写出 {n} 个文件" },
  wroteUnder: { en: "wrote {n} files under {dir}", zh: "已在 {dir} 下写出 {n} 个文件" },
  stdoutIncomplete: { en: "output on stdout is incomplete", zh: "标准输出上的内容不完整" },
  // --- reading inputs ---
  inIsDirectory: { en: "is a directory", zh: "是文件夹" },
  inIsDirectoryHint: { en: "give a file, or the folder as an input to walk it", zh: "请给出文件，或把文件夹作为输入来遍历" },
  inTooLarge: { en: "the file is {size}, over the limit of {max}", zh: "文件大小 {size}，超过上限 {max}" },
  inTooLargeUnknown: { en: "the file is over the limit of {max}", zh: "文件超过上限 {max}" },
  inTooLargeHint: { en: "raise --max-size if it really is a notice", zh: "如确为通知，请调大 --max-size" },
  inputTooLarge: { en: "the input is {size}, over the limit of {max}", zh: "输入大小 {size}，超过上限 {max}" },
  stdinTooLarge: { en: "stdin is over the limit of {max}", zh: "标准输入超过上限 {max}" },
  raiseMaxSize: { en: "raise --max-size", zh: "请调大 --max-size" },
  kindFifo: { en: "a FIFO (named pipe)", zh: "命名管道（FIFO）" },
  kindCharDevice: { en: "a character device", zh: "字符设备" },
  kindBlockDevice: { en: "a block device", zh: "块设备" },
  kindSocket: { en: "a socket", zh: "套接字" },
  kindFolder: { en: "a folder", zh: "文件夹" },
  kindSymlink: { en: "a symbolic link", zh: "符号链接" },
  kindOther: { en: "not a regular file", zh: "非普通文件" },
  inNotRegular: { en: "the input is {what}, not a regular file", zh: "输入是{what}，不是普通文件" },
  inNotRegularHint: { en: "give a file; to read a stream, pipe it to stdin with -", zh: "请给出文件；要读取数据流，请用 - 从标准输入传入" },
  inNoSuchFile: { en: "no such file", zh: "没有这个文件" },
  inPermission: { en: "permission denied", zh: "没有读取权限" },
  inLinkLoop: { en: "too many levels of symbolic links", zh: "符号链接层数过多" },
  inNameTooLong: { en: "the file name is too long", zh: "文件名过长" },
  checkPath: { en: "check the path", zh: "请检查路径" },
  checkPermissions: { en: "check the file's permissions", zh: "请检查文件权限" },
  ownOutput: { en: "this is gongkai output (JSON), not a notice", zh: "这是 gongkai 的输出（JSON），不是通知" },
  ownOutputHint: { en: "use gongkai report, compare or validate on it", zh: "请对它使用 gongkai report、compare 或 validate" },
  brokenSchema: { en: "internal: the document breaks the schema: {detail}", zh: "内部错误：文档不符合 schema：{detail}" },
  inputEmpty: { en: "the input is empty", zh: "输入为空" },
  giveNoticeOrJson: { en: "give a notice or the JSON printed by `gongkai parse`", zh: "请给出通知，或 `gongkai parse` 输出的 JSON" },
  notJsonOrNdjson: { en: "not valid JSON or NDJSON", zh: "不是有效的 JSON 或 NDJSON" },
  notJsonOrNdjsonHint: { en: "give the output of gongkai parse --format json or ndjson", zh: "请给出 gongkai parse --format json 或 ndjson 的输出" },
  lineNotJson: { en: "line {n} is not valid JSON", zh: "第 {n} 行不是有效的 JSON" },
  lineNotJsonHint: { en: "NDJSON needs one JSON value per line", zh: "NDJSON 每行须是一个 JSON 值" },
  internalHint: { en: "run with --debug for details, and please report it", zh: "请加 --debug 重新运行查看详情，并报告此问题" },
  // --- writing outputs ---
  cannotWrite: { en: "cannot write {target}: {why}", zh: "无法写出 {target}：{why}" },
  diskFull: { en: "the disk is full: free some space", zh: "磁盘已满：请腾出空间" },
  readOnlyFs: { en: "the file system is read-only: choose another place", zh: "文件系统只读：请换一个位置" },
  mayNotWrite: { en: "you may not write there: choose another place or fix its permissions", zh: "没有写入权限：请换一个位置或修改权限" },
  nameTooLongOut: { en: "the name is too long for the file system: shorten the input's name or the output folder", zh: "文件名超出文件系统的限制：请缩短输入文件名或输出文件夹路径" },
  refuseReplaceKind: { en: "refusing to replace {target}: it is {what}, not a regular file", zh: "拒绝替换 {target}：它是{what}，不是普通文件" },
  refuseReplaceKindHint: { en: "name a regular file (or none) as the output", zh: "请把普通文件（或不存在的文件）作为输出" },
  danglingLink: { en: "refusing to write {target}: it is a symbolic link that leads nowhere", zh: "拒绝写入 {target}：它是指向不存在目标的符号链接" },
  danglingLinkHint: { en: "remove the link or name another file", zh: "请删除该链接或换一个文件名" },
  escapesOutDir: { en: "refusing to write \"{rel}\": it escapes the output folder", zh: "拒绝写入 \"{rel}\"：它超出了输出文件夹" },
  escapesOutDirHint: { en: "output names must stay inside --out-dir", zh: "输出文件必须位于 --out-dir 之内" },
  linkLeavesOutDir: { en: "refusing to write \"{rel}\": a symbolic link leads outside the output folder", zh: "拒绝写入 \"{rel}\"：有符号链接指向输出文件夹之外" },
  targetIsLink: { en: "refusing to write \"{rel}\": the target is a symbolic link", zh: "拒绝写入 \"{rel}\"：目标是符号链接" },
  removeLinkHint: { en: "remove the link from --out-dir", zh: "请从 --out-dir 中删除该链接" },
  folderHasName: { en: "cannot write \"{rel}\": a folder has that name", zh: "无法写入 \"{rel}\"：已有同名文件夹" },
  folderHasNameHint: { en: "rename or remove that folder, or choose another --out-dir", zh: "请重命名或删除该文件夹，或换一个 --out-dir" },
  cannotWriteInto: { en: "cannot write into {what}: {why}", zh: "无法写入 {what}：{why}" },
  whyPermission: { en: "permission denied", zh: "没有写入权限" },
  whyReadOnly: { en: "read-only file system", zh: "文件系统只读" },
  whyNoParent: { en: "a parent folder cannot be created", zh: "无法创建上级文件夹" },
  whyParentNotFolder: { en: "a parent is not a folder", zh: "某一级上级路径不是文件夹" },
  chooseWritableFolder: { en: "choose a folder you can write to (or fix its permissions)", zh: "请选择可写入的文件夹（或修改其权限）" },
  cannotWriteStdout: { en: "cannot write to stdout: {why}", zh: "无法写到标准输出：{why}" },
  cannotWriteStdoutHint: { en: "check where stdout goes (a full disk?), or use --out FILE", zh: "请检查标准输出的去向（磁盘已满？），或用 --out 文件" },
  alreadyOutputOf: { en: "{target} is already the output of {owner}", zh: "{target} 已是 {owner} 的输出" },
  alreadyOutputOfHint: { en: "two inputs differ only in extension; convert them separately", zh: "两个输入只有扩展名不同，请分开转换" },
  refuseOverwriteInput: { en: "refusing to overwrite the input {target}", zh: "拒绝覆盖输入文件 {target}" },
  chooseAnotherOutDir: { en: "choose another --out-dir", zh: "请换一个 --out-dir" },
  // --- option values ---
  badShard: { en: "bad --shard \"{text}\"", zh: "--shard 的值 \"{text}\" 有误" },
  badShardHint: { en: "use K/N with 1 <= K <= N, e.g. --shard 2/3", zh: "请用 K/N，且 1 <= K <= N，例如 --shard 2/3" },
  badSize: { en: "bad size \"{text}\"", zh: "大小 \"{text}\" 有误" },
  badSizeHint: { en: "use bytes or a unit, e.g. 50MB, 512KB", zh: "请用字节数或带单位，例如 50MB、512KB" },
  // --- summary and progress ---
  oneFile: { en: "{n} file", zh: "{n} 个文件" },
  nFiles: { en: "{n} files", zh: "{n} 个文件" },
  nBundles: { en: "{n} with attachment files ({files} attachment files)", zh: "其中 {n} 个带附件文件（共 {files} 个附件文件）" },
  oneTask: { en: "{n} task", zh: "{n} 项任务" },
  nTasks: { en: "{n} tasks", zh: "{n} 项任务" },
  oneWarning: { en: "{n} warning", zh: "{n} 条警告" },
  nWarnings: { en: "{n} warnings", zh: "{n} 条警告" },
  nStrictWarnings: { en: "{n} strict warnings", zh: "{n} 条警告（--strict 视为失败）" },
  nFailed: { en: "{n} failed", zh: "{n} 个失败" },
  skipped: { en: "skipped {what}", zh: "跳过 {what}" },
  skippedFile: { en: "skipped: gongkai does not read {ext} files", zh: "已跳过：gongkai 不读取 {ext} 文件" },
  noExt: { en: "(no extension)", zh: "（无扩展名）" },
  ownOutputKind: { en: "gongkai's own outputs", zh: "gongkai 自己的输出" },
  skippedOwnOutput: { en: "skipped: a task workbook or report gongkai wrote, not a notice", zh: "已跳过：这是 gongkai 写出的任务工作簿或报告，不是通知" },
  listComma: { en: ", ", zh: "，" },
  inSeconds: { en: " in {s}s", zh: "，用时 {s} 秒" },
  progress: { en: "{value}/{total} files | {eta} left", zh: "{value}/{total} 个文件 | 剩余 {eta}" },
  // --- common options and help ---
  optQuiet: { en: "no summary, progress or warnings (failures are still reported)", zh: "不显示摘要、进度和警告（失败仍会报告）" },
  optVerbose: { en: "also list each file a folder walk skipped", zh: "同时列出遍历文件夹时跳过的每个文件" },
  optColor: { en: "colour in messages (NO_COLOR / FORCE_COLOR are honoured under auto)", zh: "消息是否着色（auto 时遵循 NO_COLOR / FORCE_COLOR）" },
  optLang: { en: "language of messages (default: from LC_ALL / LANG)", zh: "消息语言（默认取自 LC_ALL / LANG）" },
  optDebug: { en: "print stack traces", zh: "打印调用栈" },
  optForce: { en: "overwrite an existing output file that gongkai did not write (never an input)", zh: "覆盖并非 gongkai 写出的已有输出文件（输入文件始终不会被覆盖）" },
  optMaxSize: { en: "skip inputs larger than this (E_TOO_LARGE)", zh: "跳过大于此值的输入（E_TOO_LARGE）" },
  helpExamples: { en: "Examples:", zh: "示例：" },
  helpExit: { en: "Exit status:", zh: "退出状态：" },
  exitUsage: { en: "usage error (bad options, unusable output path); nothing written", zh: "用法错误（选项有误、输出路径不可用），未写出任何内容" },
  exitInterrupted: { en: "interrupted (Ctrl-C); temp files removed, finished outputs kept", zh: "被中断（Ctrl-C），临时文件已删除，已完成的输出保留" },
  checkWritable: { en: "check that the folder exists and is writable", zh: "请确认文件夹存在且可写" },
  programDescription: { en: "Turn Chinese government notices (公文) into structured, schema-validated task lists.", zh: "把政府公文（通知）转为结构化、经 schema 校验的任务清单。" },
  optHelp: { en: "show help for the command", zh: "显示命令帮助" },
  exitOk: { en: "all inputs done", zh: "全部输入处理完成" },
  exitFailed: { en: "some inputs failed (or warnings under --strict)", zh: "部分输入失败（或 --strict 下有警告）" },
  helpStreams: { en: "Data goes to stdout (or --out); every message goes to stderr. Messages in Chinese: --lang zh or LANG=zh_CN.UTF-8.", zh: "数据写到标准输出（或 --out），所有消息写到标准错误。英文消息：--lang en。" },
  unknownCommand: { en: "unknown command \"{name}\"", zh: "未知命令 \"{name}\"" },
  didYouMeanParse: { en: "did you mean: gongkai parse {args}", zh: "是否想运行：gongkai parse {args}" },
  seeGongkaiHelp: { en: "see gongkai --help for the commands", zh: "命令列表见 gongkai --help" },
  // --- parse ---
  parseDescription: { en: "parse notices (.txt, .md, .html, .pdf, .ofd, .docx, .doc/.wps, .xlsx/.xls; folders are walked) into JSON, NDJSON, CSV, TSV or XLSX", zh: "解析通知（.txt、.md、.html、.pdf、.ofd、.docx、.doc/.wps、.xlsx/.xls，可给文件夹）为 JSON、NDJSON、CSV、TSV 或 XLSX" },
  parseInputs: { en: "files, folders (recursive), or - for stdin", zh: "文件、文件夹（递归），或 - 表示标准输入" },
  optFormat: { en: "output format (default: from the --out extension, else json)", zh: "输出格式（默认按 --out 的扩展名，否则 json）" },
  optOut: { en: "write one combined output file (atomically); - for stdout", zh: "写出一个合并的输出文件（原子写入）；- 表示标准输出" },
  optOutDir: { en: "write one output per input, mirroring the input folders", zh: "每个输入写一个输出文件，保持输入的目录结构" },
  optGlob: { en: "files to take from folders (repeatable; default: notice extensions)", zh: "从文件夹中选取的文件（可重复；默认按通知扩展名）" },
  optHeaders: { en: "CSV/TSV/XLSX column names (none: no CSV/TSV header row)", zh: "CSV/TSV/XLSX 的列名语言（none：CSV/TSV 不写表头行）" },
  optExcel: { en: "CSV for spreadsheet apps: ids like 2.10 stay text when the file is opened (implies csv and --bom)", zh: "供电子表格软件打开的 CSV：2.10 这类编号保持为文本（隐含 csv 与 --bom）" },
  optBom: { en: "start CSV/TSV with a UTF-8 BOM (default: on for .csv files, off on stdout)", zh: "CSV/TSV 以 UTF-8 BOM 开头（默认：写 .csv 文件时开启，标准输出时关闭）" },
  optNoBom: { en: "never write a BOM", zh: "不写 BOM" },
  optPretty: { en: "indent JSON", zh: "缩进 JSON" },
  optFrom: { en: "input format instead of detecting it", zh: "指定输入格式，不自动识别" },
  optEncoding: { en: "text encoding of the inputs (default: detect UTF-8 / GB18030)", zh: "输入文本的编码（默认自动识别 UTF-8 / GB18030）" },
  optPassword: { en: "password for encrypted PDFs (or set GONGKAI_PASSWORD)", zh: "加密 PDF 的密码（或设置 GONGKAI_PASSWORD）" },
  optJobs: { en: "worker threads (default: number of cores; 1 = in-process)", zh: "工作线程数（默认为 CPU 核数；1 表示不用线程）" },
  optShard: { en: "only the K-th of N deterministic slices of the inputs (for CI matrices)", zh: "只处理输入的第 K 份（共 N 份，用于 CI 并行）" },
  optErrors: { en: "failed inputs: stderr only, or also inline records in json/ndjson", zh: "失败的输入：只报告到标准错误，或同时在 json/ndjson 中写错误记录" },
  optFailFast: { en: "stop at the first failed input", zh: "遇到第一个失败的输入即停止" },
  optStrict: { en: "treat warnings as failures (exit 1)", zh: "把警告视为失败（退出状态 1）" },
  exitParseOk: { en: "all inputs parsed", zh: "全部输入解析成功" },
  // --- compare ---
  compareDescription: { en: "align the tasks of two notices: carried over (with what changed), dropped, new", zh: "对照两份通知的任务：延续（及其变化）、删去、新增" },
  compareInputs: { en: "two notices (any supported format, or gongkai JSON); with --base, one or more", zh: "两份通知（任一支持的格式，或 gongkai JSON）；用 --base 时为一份或多份" },
  optCompareFormat: { en: "output format (default: from the --out extension, else text)", zh: "输出格式（默认按 --out 的扩展名，否则 text）" },
  optCompareOut: { en: "write the result to this file (atomically); - for stdout", zh: "把结果写到此文件（原子写入）；- 表示标准输出" },
  optThreshold: { en: "minimum similarity (0-1) for two tasks to be the same work", zh: "两项任务视为同一项工作的最低相似度（0-1）" },
  optBase: { en: "coverage: for each task of this notice, which of the inputs take it up", zh: "落实情况：对此通知的每项任务，列出哪些输入通知承接了它" },
  compareWantTwo: { en: "give exactly two notices (got {n})", zh: "请给出两份通知（实际 {n} 份）" },
  compareWantBase: { en: "give one or more notices to check against --base (got {n})", zh: "请给出一份或多份与 --base 对照的通知（实际 {n} 份）" },
  exitCompareOk: { en: "the comparison was written", zh: "对照结果已写出" },
  exitCompareFailed: { en: "an input could not be read", zh: "有输入无法读取" },
  // --- validate, schema ---
  validateDescription: { en: "check gongkai JSON / NDJSON output against the document schema", zh: "按文档 schema 校验 gongkai 输出的 JSON / NDJSON" },
  validateInputs: { en: "JSON or NDJSON files, or - for stdin", zh: "JSON 或 NDJSON 文件，或 - 表示标准输入" },
  exitValidateOk: { en: "every record matches", zh: "全部记录符合 schema" },
  exitValidateBad: { en: "some file or record does not match", zh: "有文件或记录不符合" },
  validateBad: { en: "{bad} of {n} records do not match the schema", zh: "{n} 条记录中有 {bad} 条不符合 schema" },
  validateOk: { en: "valid ({n} records)", zh: "有效（{n} 条记录）" },
  record: { en: "record {n}", zh: "第 {n} 条记录" },
  recordProblem: { en: "record {n}: {problem}", zh: "第 {n} 条记录：{problem}" },
  schemaDescription: { en: "print the JSON Schema (draft 2020-12) of gongkai's output, for other tools to validate against", zh: "输出 gongkai 结果的 JSON Schema（draft 2020-12），供其他工具校验" },
  schemaName: { en: "which schema: {names}", zh: "哪个 schema：{names}" },
  optList: { en: "list the schema names", zh: "列出 schema 名称" },
  exitSchemaOk: { en: "the schema was printed", zh: "已输出 schema" },
  unknownSchema: { en: "unknown schema \"{name}\"", zh: "未知的 schema \"{name}\"" },
  useOneOf: { en: "use one of: {choices}", zh: "可选：{choices}" },
  // --- report ---
  reportDescription: { en: "write one self-contained HTML report (tasks, units, deadlines) of notices or gongkai JSON", zh: "把通知或 gongkai JSON 生成一个独立的 HTML 报告（任务、单位、期限）" },
  reportInputs: { en: "notices (files or folders), JSON / NDJSON from `gongkai parse`, or - for stdin", zh: "通知（文件或文件夹）、`gongkai parse` 输出的 JSON / NDJSON，或 - 表示标准输入" },
  reportOut: { en: "the HTML file to write (- for stdout)", zh: "要写出的 HTML 文件（- 表示标准输出）" },
  optToday: { en: "YYYY-MM-DD; deadlines before it are marked past due (default: today)", zh: "YYYY-MM-DD，早于该日期的期限标为已逾期（默认今天）" },
  optTitle: { en: "page title (default: the notice title)", zh: "页面标题（默认取通知标题）" },
  optReportCompare: { en: "add a side-by-side comparison of each notice with the next", zh: "逐份对照相邻两份通知（如去年与今年）" },
  optReportThreshold: { en: "with --compare: lowest similarity (0-1) for a task pair", zh: "与 --compare 同用：任务配对的最低相似度（0-1）" },
  exitReportOk: { en: "the report was written with every input", zh: "报告已写出，包含全部输入" },
  exitReportFailed: { en: "some inputs failed (the report lists them) or none could be read", zh: "部分输入失败（报告中列出）或没有可读的输入" },
  reportNothing: { en: "no document to report on; nothing written", zh: "没有可生成报告的文档，未写出任何内容" },
  reportNothingHint: { en: "see the failures above", zh: "见上面的失败信息" },
  reportWrote: { en: "wrote {out} ({notices} notices, {tasks} tasks, {failed} failed)", zh: "已写出 {out}（{notices} 份通知，{tasks} 项任务，{failed} 个失败）" },
  skippedRecord: { en: "left out the failed record {what}", zh: "略去失败记录 {what}" },
} as const satisfies Record<string, Entry>;

export type MessageKey = keyof typeof CATALOGUE;

let current: Lang = "en";

export const setLang = (lang: Lang): void => void (current = lang);
export const getLang = (): Lang => current;

/** --lang wins; else the POSIX locale variables in their order of precedence. */
export function langFrom(env: NodeJS.ProcessEnv, flag?: string): Lang {
  if (flag === "zh" || flag === "en") return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh(?:[_.@-]|$)/iu.test(locale) ? "zh" : "en";
}

/** Chinese meanings of the error codes (the English ones are in src/errors.ts). */
const CODE_TEXT_ZH: Readonly<Record<string, string>> = {
  E_NOT_FOUND: "找不到输入文件",
  E_IS_DIRECTORY: "需要文件，给出的是文件夹",
  E_EMPTY: "输入为空",
  E_BINARY: "输入是二进制文件，不是文本",
  E_ENCODING: "无法解码文本",
  E_TOO_LARGE: "输入超过 --max-size 上限",
  E_UNSUPPORTED: "不支持的输入格式",
  E_PDF_NO_TEXT: "PDF 没有文字层",
  E_PDF_ENCRYPTED: "PDF 已加密",
  E_PDF_CORRUPT: "PDF 损坏或不完整",
  E_PDF_GARBLED: "PDF 文字层乱码",
  E_DOCX_CORRUPT: "Word 文件损坏",
  E_DOC_CORRUPT: "Word 97–2003（.doc/.wps）文件损坏",
  E_XLS_CORRUPT: "电子表格文件损坏",
  E_OFD_CORRUPT: "OFD 文件损坏",
  E_ENCRYPTED: "文件有密码保护",
  E_INVALID_JSON: "不是有效的 JSON",
  E_SCHEMA: "文档不符合 schema",
  E_OUTPUT: "无法写出输出",
  E_USAGE: "命令行用法错误",
  E_INTERNAL: "内部错误",
};

/** The Chinese meaning of an error or warning code in Chinese mode; null in English or for unknown codes. */
export function codeText(code: string): string | null {
  if (current !== "zh") return null;
  return CODE_TEXT_ZH[code] ?? warningTextZh(code);
}

/** The message in the current language with its {placeholders} filled. */
export function msg(key: MessageKey, params: Record<string, string | number> = {}): string {
  const entry: Entry = CATALOGUE[key];
  return entry[current].replace(/\{(\w+)\}/gu, (all, name: string) => (name in params ? String(params[name]) : all));
}
