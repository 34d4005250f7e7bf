/**
 * 消息目录 (message catalogue) of the library: the message and the remedy of every GongkaiError
 * the library raises, and the detail of every warning, in English and Chinese, with {named}
 * placeholders. The CLI's own words are in src/cli/messages.ts.
 *
 * Errors carry the entry (`key` + params, see src/errors.ts), so the CLI renders them in the
 * user's language; their `message` stays English for library users. Warnings are plain data in
 * the JSON contract (`{code, message, line}`, message in English): `warningText` reads a
 * warning's message back through the English template of its code's entries and renders it in
 * the language asked for (docs/decisions.md, "Library messages in two languages"). Pure.
 */
export type Lang = "en" | "zh";

/** A placeholder's value: plain text or a number, or another entry rendered in the same language. */
export type TextParam = string | number | Text;

/** A catalogue entry with its placeholders filled: plain data (it crosses worker threads). */
export interface Text {
  readonly key: TextKey;
  readonly params: Readonly<Record<string, TextParam>>;
}

interface Entry {
  readonly en: string;
  readonly zh: string;
  /** The warning code whose message this entry is (read back from JSON by `warningText`). */
  readonly code?: string;
}

const TEXTS = {
  // --- reading bytes: sniffing and decoding ---
  fileEmpty: { en: "the file is empty", zh: "文件为空" },
  onlyWhiteSpace: { en: "the file holds only white space", zh: "文件只有空白字符" },
  pageNoArticle: { en: "the page has no article text", zh: "网页中没有正文" },
  unknownEncoding: { en: "unknown encoding \"{name}\"", zh: "未知的编码 \"{name}\"" },
  encodingChoices: { en: "use utf-8, utf-16le, utf-16be, gb18030 (covers gbk/gb2312) or big5", zh: "请用 utf-8、utf-16le、utf-16be、gb18030（含 gbk/gb2312）或 big5" },
  bomInvalid: { en: "the file starts with a {encoding} byte-order mark but its bytes are not valid {encoding}", zh: "文件以 {encoding} 字节序标记开头，但内容不是有效的 {encoding}" },
  passEncoding: { en: "pass --encoding NAME", zh: "请用 --encoding 指定编码" },
  binaryFile: { en: "the file is binary, not text", zh: "文件是二进制数据，不是文本" },
  giveNoticeFormats: { en: "give a notice as text, Markdown, HTML, PDF, OFD, Word .docx/.doc or a spreadsheet .xlsx/.xls", zh: "请给出文本、Markdown、HTML、PDF、OFD、Word（.docx/.doc）或电子表格（.xlsx/.xls）格式的通知" },
  notUtf8NorGb: { en: "the text is neither UTF-8 nor GB18030 ({n} undecodable byte sequences)", zh: "文本既不是 UTF-8 也不是 GB18030（{n} 处字节无法解码）" },
  passEncodingBig5: { en: "pass --encoding NAME (e.g. big5)", zh: "请用 --encoding 指定编码（如 big5）" },
  bytesNotValid: { en: "the bytes are not valid {encoding}", zh: "内容不是有效的 {encoding}" },
  tryOtherEncoding: { en: "try another --encoding or leave it out to detect", zh: "请换一个 --encoding，或去掉它以自动识别" },
  decodingGives: { en: "decoding {how} gives {what}", zh: "{how}解码得到{what}" },
  afterBom: { en: "after its byte-order mark", zh: "按字节序标记" },
  withEncoding: { en: "with --encoding {encoding}", zh: "按 --encoding {encoding} " },
  replacementChars: { en: "{n} replacement characters (U+FFFD)", zh: " {n} 个替换字符（U+FFFD）" },
  nulChars: { en: "NUL characters", zh: " NUL 字符" },
  // --- formats gongkai recognises but does not read ---
  cannotReadKind: { en: "the file is {what}, which gongkai cannot read", zh: "文件是{what}，gongkai 无法读取" },
  kindRtf: { en: "an RTF file", zh: " RTF 文件" },
  kindImage: { en: "an image", zh: "图片" },
  saveAsDocxOrText: { en: "save it as .docx or plain text", zh: "请另存为 .docx 或纯文本" },
  ocrFirst: { en: "run OCR first and parse the text", zh: "请先做文字识别（OCR），再解析识别出的文字" },
  kindPowerPoint: { en: "the file is a PowerPoint 97–2003 presentation", zh: "文件是 PowerPoint 97–2003 演示文稿" },
  kindOtherOle: { en: "the file is an OLE2 compound file that is not a Word document", zh: "文件是 OLE2 复合文档，但不是 Word 文档" },
  saveAsDocxOrPdf: { en: "save the notice as .docx or PDF", zh: "请把通知另存为 .docx 或 PDF" },
  oleUnreadable: { en: "the file is not a readable OLE2 compound file (Word 97–2003 .doc/.wps)", zh: "文件不是可读取的 OLE2 复合文档（Word 97–2003 .doc/.wps）" },
  resaveDoc: { en: "open and re-save it in Word, WPS or LibreOffice (另存为 .docx), or export a PDF", zh: "请用 Word、WPS 或 LibreOffice 打开后另存为 .docx，或导出 PDF" },
  kingsoftOwn: { en: "the file is a Kingsoft WPS file in its own format, not the Word/Excel-compatible one", zh: "文件是金山 WPS 自有格式，不是与 Word/Excel 兼容的格式" },
  kingsoftSaveAs: { en: "open it in WPS and save it as {ext} (另存为 {ext})", zh: "请用 WPS 打开后另存为 {ext}" },
  zipNotDocx: { en: "the file is a ZIP archive but not a Word .docx (no word/document.xml)", zh: "文件是 ZIP 压缩包，但不是 Word .docx（没有 word/document.xml）" },
  pptxOdtUnsupported: { en: "pptx and odt are not supported: save the notice as .docx, PDF or text", zh: "不支持 pptx 和 odt：请把通知另存为 .docx、PDF 或文本" },
  passwordProtected: { en: "{what} is password-protected", zh: "该{what}有密码保护" },
  theOfficeFile: { en: "the Office file", zh: " Office 文件" },
  theWordFile: { en: "the Word file", zh: " Word 文件" },
  removePassword: { en: "remove the password (打开→另存为 without a password) and parse the saved copy", zh: "请去掉密码（打开→另存为，不设密码），再解析另存的副本" },
  // --- size caps ---
  inputHolds: { en: "the input holds {what}: more than gongkai reads in bounded memory", zh: "输入含有{what}，超出 gongkai 在有限内存内可读取的范围" },
  nLines: { en: "{n} lines (the limit is {max})", zh: " {n} 行（上限 {max}）" },
  nChars: { en: "{n} characters of text (the limit is {max})", zh: " {n} 个字符（上限 {max}）" },
  splitFile: { en: "split the file; a notice with its attachments is far smaller", zh: "请拆分文件；一份通知连同附件远小于此" },
  htmlTooManyElements: { en: "the page has {n} elements (the limit is {max}): more than gongkai reads in bounded memory", zh: "网页有 {n} 个元素（上限 {max}），超出 gongkai 在有限内存内可读取的范围" },
  saveArticleAlone: { en: "save the article alone (the notice and its attachments), or its text", zh: "请只保存正文（通知及其附件），或保存其文字" },
  // --- reader threads ---
  readTooLong: { en: "reading {what}{step} took longer than {s} s (the limit per input)", zh: "读取{what}{step}超过 {s} 秒（每个输入的上限）" },
  readNeedsMemory: { en: "reading {what} needs more than {mb} MB of memory (the limit per input)", zh: "读取{what}需要超过 {mb} MB 内存（每个输入的上限）" },
  readFailed: { en: "reading {what} failed: {error}", zh: "读取{what}失败：{error}" },
  fileUnreadable: { en: "the file could not be read ({error})", zh: "无法读取文件（{error}）" },
  stepOpening: { en: " (opening it)", zh: "（打开时）" },
  stepPage: { en: " (page {n})", zh: "（第 {n} 页）" },
  stepPages: { en: " ({n} pages)", zh: "（共 {n} 页）" },
  thePdf: { en: "the PDF", zh: " PDF" },
  theDoc: { en: "the Word 97–2003 file", zh: " Word 97–2003 文件" },
  theOfd: { en: "the OFD file", zh: " OFD 文件" },
  theSheet: { en: "the spreadsheet", zh: "电子表格" },
  mayHangReaders: { en: "the file may be damaged or built to hang readers; re-save or export it", zh: "文件可能已损坏或被刻意构造来拖垮读取程序；请另存或导出" },
  mayBeBomb: { en: "it may be a decompression bomb; re-save or export it", zh: "它可能是解压炸弹；请另存或导出" },
  resaveOrExport: { en: "re-save or export the file", zh: "请另存或导出该文件" },
  // --- PDF ---
  pdfTimeout: { en: "pdf.js did not finish {what} within {s} s", zh: "pdf.js 未能在 {s} 秒内完成：{what}" },
  pdfOpening: { en: "opening the file", zh: "打开文件" },
  pdfLoadingPage: { en: "loading page {n}", zh: "加载第 {n} 页" },
  pdfReadingPage: { en: "reading page {n}", zh: "读取第 {n} 页" },
  pdfMayBeDamaged: { en: "the PDF may be damaged; re-save it or export the text", zh: "PDF 可能已损坏；请另存或导出文字" },
  pdfWrongPassword: { en: "the PDF is encrypted and the password is wrong", zh: "PDF 已加密，密码不对" },
  pdfNeedsPassword: { en: "the PDF is encrypted with a password", zh: "PDF 已用密码加密" },
  passPassword: { en: "pass the user password with --password", zh: "请用 --password 给出打开密码" },
  pdfCorrupt: { en: "the PDF is corrupt or truncated", zh: "PDF 已损坏或不完整" },
  pdfCorruptDetail: { en: "the PDF is corrupt or truncated ({error})", zh: "PDF 已损坏或不完整（{error}）" },
  downloadAgain: { en: "download the file again or re-save it", zh: "请重新下载或另存该文件" },
  pdfNoText: { en: "no text layer — the PDF looks scanned; run OCR first", zh: "没有文字层，PDF 像是扫描件；请先做文字识别（OCR）" },
  pdfOcrHint: { en: "OCR the file (e.g. ocrmypdf -l chi_sim) and parse the result", zh: "请对文件做文字识别（如 ocrmypdf -l chi_sim），再解析结果" },
  pdfGarbled: { en: "the PDF text layer is garbled (fonts without a Unicode map)", zh: "PDF 文字层是乱码（字体缺少 Unicode 映射）" },
  pdfGarbledHint: { en: "OCR the rendered pages instead, or get the Word/HTML version of the notice", zh: "请改为对页面图像做文字识别，或获取通知的 Word/HTML 版本" },
  pdfExpands: { en: "the PDF's compressed streams expand past {mb} MB (the limit per input)", zh: "PDF 的压缩流解压后超过 {mb} MB（每个输入的上限）" },
  mayBeBombFile: { en: "it may be a decompression bomb; re-save or export the file", zh: "它可能是解压炸弹；请另存或导出该文件" },
  // --- Word ---
  docxCorrupt: { en: "the Word file is corrupt or not a .docx", zh: "Word 文件已损坏或不是 .docx" },
  docxCorruptDetail: { en: "the Word file is corrupt or not a .docx ({error})", zh: "Word 文件已损坏或不是 .docx（{error}）" },
  resaveDocx: { en: "open and re-save it in Word or LibreOffice; old .doc files must be saved as .docx", zh: "请用 Word 或 LibreOffice 打开后另存；旧的 .doc 文件须另存为 .docx" },
  wordNoText: { en: "the Word file holds no text", zh: "Word 文件中没有文字" },
  docxTooBig: { en: "the Word file unpacks to {mb} MB of XML, over the limit of {max} MB", zh: "Word 文件解压后有 {mb} MB 的 XML，超过上限 {max} MB" },
  docxTooDeep: { en: "the Word file nests elements {depth} deep, over the limit of {max}", zh: "Word 文件的元素嵌套 {depth} 层，超过上限 {max}" },
  docxBombHint: { en: "the file may be a decompression bomb or built to hang readers; re-save it in Word or LibreOffice", zh: "文件可能是解压炸弹或被刻意构造来拖垮读取程序；请用 Word 或 LibreOffice 另存" },
  docCorrupt: { en: "the Word 97–2003 file is corrupt ({detail})", zh: "Word 97–2003 文件已损坏（{detail}）" },
  oleContainerUnreadable: { en: "the OLE2 container cannot be read: {error}", zh: "无法读取 OLE2 容器：{error}" },
  noStream: { en: "no {name} stream", zh: "没有 {name} 流" },
  fibCountsMore: { en: "the FIB counts {n} characters of text, the piece table holds {held}", zh: "FIB 记有 {n} 个字符，片段表只有 {held} 个" },
  noWordStream: { en: "no WordDocument stream", zh: "没有 WordDocument 流" },
  notWord97: { en: "the WordDocument stream does not start with a Word 97 FIB", zh: "WordDocument 流不以 Word 97 的 FIB 开头" },
  word95: { en: "the file is a Word 6.0/95 (or older) document, which gongkai cannot read", zh: "文件是 Word 6.0/95（或更早）文档，gongkai 无法读取" },
  saveAsDocx: { en: "open it in Word, WPS or LibreOffice and save it as .docx (另存为 .docx)", zh: "请用 Word、WPS 或 LibreOffice 打开后另存为 .docx" },
  // --- spreadsheets ---
  sheetCorrupt: { en: "the spreadsheet is corrupt ({why})", zh: "电子表格已损坏（{why}）" },
  noBof: { en: "the Workbook stream does not open with a BOF record", zh: "Workbook 流不以 BOF 记录开头" },
  sheetNoBof: { en: "sheet \"{name}\" does not start with a BOF record", zh: "工作表 \"{name}\" 不以 BOF 记录开头" },
  resaveSheetXlsx: { en: "open and re-save it in Excel, WPS or LibreOffice (as .xlsx)", zh: "请用 Excel、WPS 或 LibreOffice 打开后另存（为 .xlsx）" },
  sheetTooLarge: { en: "the spreadsheet is too large: {what}", zh: "电子表格过大：{what}" },
  sheetHangHint: { en: "the file may be built to hang readers; save the task table alone as a new workbook", zh: "文件可能被刻意构造来拖垮读取程序；请把任务表单独另存为新工作簿" },
  sheetBombHint: { en: "the file may be a decompression bomb or built to hang readers; save the task table alone as a new workbook", zh: "文件可能是解压炸弹或被刻意构造来拖垮读取程序；请把任务表单独另存为新工作簿" },
  moreRecords: { en: "more than {n} records", zh: "超过 {n} 条记录" },
  moreSstChars: { en: "more than {n} characters of shared strings", zh: "共享字符串超过 {n} 个字符" },
  moreSheets: { en: "more than {n} sheets", zh: "超过 {n} 个工作表" },
  moreCells: { en: "more than {n} cells", zh: "超过 {n} 个单元格" },
  xmlUnpacksPast: { en: "its XML unpacks to more than {mb} MB", zh: "其 XML 解压后超过 {mb} MB" },
  nZipParts: { en: "{n} parts in the zip", zh: "压缩包中有 {n} 个部件" },
  nSheets: { en: "{n} sheets", zh: "{n} 个工作表" },
  sheetEncrypted: { en: "the spreadsheet is password-protected (encrypted)", zh: "电子表格有密码保护（已加密）" },
  sheetPasswordHint: { en: "open it with its password in Excel, WPS or LibreOffice, save it without a password, and parse that copy", zh: "请用密码在 Excel、WPS 或 LibreOffice 中打开，不设密码另存，再解析该副本" },
  workbookNoText: { en: "the workbook has no cell with text", zh: "工作簿中没有含文字的单元格" },
  xlsxCorrupt: { en: "the spreadsheet is corrupt or not an .xlsx", zh: "电子表格已损坏或不是 .xlsx" },
  xlsxCorruptDetail: { en: "the spreadsheet is corrupt or not an .xlsx ({error})", zh: "电子表格已损坏或不是 .xlsx（{error}）" },
  noWorkbookXml: { en: "no xl/workbook.xml", zh: "没有 xl/workbook.xml" },
  resaveSheet: { en: "open and re-save it in Excel, WPS or LibreOffice", zh: "请用 Excel、WPS 或 LibreOffice 打开后另存" },
  // --- OFD ---
  ofdCorrupt: { en: "the OFD file is corrupt: {what}", zh: "OFD 文件已损坏：{what}" },
  ofdHint: { en: "download the file again, re-export it from an OFD reader, or get the PDF/Word version of the notice", zh: "请重新下载、用 OFD 阅读器重新导出，或获取通知的 PDF/Word 版本" },
  ofdNotZip: { en: "not a readable zip ({error})", zh: "不是可读取的 zip（{error}）" },
  ofdUnpacksTo: { en: "it unpacks to {mb} MB, over the limit of {max} MB (a decompression bomb?)", zh: "解压后有 {mb} MB，超过上限 {max} MB（解压炸弹？）" },
  ofdPartMissing: { en: "the part {path} is missing", zh: "缺少部件 {path}" },
  ofdPartTooBig: { en: "the part {path} unpacks to more than {mb} MB (a decompression bomb?)", zh: "部件 {path} 解压后超过 {mb} MB（解压炸弹？）" },
  ofdPartUnpack: { en: "the part {path} cannot be unpacked ({error})", zh: "部件 {path} 无法解压（{error}）" },
  ofdBadXml: { en: "{part} is not well-formed XML ({error})", zh: "{part} 不是格式正确的 XML（{error}）" },
  ofdDoctype: { en: "{part} has a DOCTYPE (OFD parts have none; entities are not expanded)", zh: "{part} 含有 DOCTYPE（OFD 部件不应有；实体不会展开）" },
  ofdTooManyElements: { en: "{part} has more than {n} elements", zh: "{part} 的元素超过 {n} 个" },
  ofdTooDeep: { en: "{part} nests elements more than {n} deep", zh: "{part} 的元素嵌套超过 {n} 层" },
  ofdNoRoot: { en: "{part} has no root element", zh: "{part} 没有根元素" },
  ofdNotNumber: { en: "{what} holds {value}, not a number", zh: "{what} 的值为 {value}，不是数字" },
  ofdDeltaNotNumber: { en: "a DeltaX/DeltaY list holds {value}, not a number", zh: "DeltaX/DeltaY 列表中有 {value}，不是数字" },
  ofdDeltaNegative: { en: "a DeltaX/DeltaY repeat count is negative", zh: "DeltaX/DeltaY 的重复次数为负" },
  ofdTooManyGlyphs: { en: "a page has more than {n} glyphs", zh: "某页的字形超过 {n} 个" },
  ofdPathData: { en: "a path's AbbreviatedData holds {value}", zh: "路径的 AbbreviatedData 中有 {value}" },
  ofdPathNumbers: { en: "a path's {op} command lacks its numbers", zh: "路径的 {op} 命令缺少数值" },
  ofdTooManyObjects: { en: "a page has more than {n} objects", zh: "某页的对象超过 {n} 个" },
  ofdNoOfdXml: { en: "it has no OFD.xml", zh: "没有 OFD.xml" },
  ofdNoDocRoot: { en: "OFD.xml names no DocRoot", zh: "OFD.xml 未指明 DocRoot" },
  ofdDocMissing: { en: "the document {path} is missing", zh: "缺少文档 {path}" },
  ofdTooManyPages: { en: "it has {n} pages, over the limit of {max}", zh: "共 {n} 页，超过上限 {max}" },
  ofdNoText: { en: "the OFD file holds no text (scanned pages?)", zh: "OFD 文件中没有文字（扫描页？）" },
  ofdOcrHint: { en: "OCR the pages, or get the PDF/Word version of the notice", zh: "请对页面做文字识别，或获取通知的 PDF/Word 版本" },
  // --- gongkai JSON given to compare / report ---
  invalidJson: { en: "{error}", zh: "JSON 无效：{error}" },
  giveNoticeOrJson: { en: "give a notice or the JSON printed by `gongkai parse`", zh: "请给出通知，或 `gongkai parse` 输出的 JSON" },
  noDocument: { en: "the file holds no document", zh: "文件中没有文档" },
  severalDocuments: { en: "the file holds {n} documents; compare takes one document per file", zh: "文件中有 {n} 份文档；compare 每个文件只接受一份文档" },
  compareSeparately: { en: "parse the two notices separately, or use gongkai report --compare for a series", zh: "请分别解析两份通知，或对一系列通知使用 gongkai report --compare" },
  schemaProblem: { en: "{problem}", zh: "不符合 schema：{problem}" },

  // --- warnings: `code` ties an entry to its warning, so a message in JSON can be read back ---
  noItems: { code: "W_NO_ITEMS", en: "no numbered items found", zh: "未找到编号条目" },
  noUnits: { code: "W_NO_UNITS", en: "no responsibility units found", zh: "未找到责任单位" },
  deadlineBeforeIssue: { code: "W_DEADLINE_BEFORE_ISSUE", en: "task {id}: deadline {date} is before the issue date {issued}", zh: "任务 {id}：完成时限 {date} 早于成文日期 {issued}" },
  numberingDuplicate: { code: "W_NUMBERING_DUPLICATE", en: "marker {marker} appears twice", zh: "编号 {marker} 出现了两次" },
  numberingJumps: { code: "W_NUMBERING_GAP", en: "numbering jumps from {from} to {to}", zh: "编号从 {from} 跳到 {to}" },
  numberingStarts: { code: "W_NUMBERING_GAP", en: "numbering starts at {n}", zh: "编号从 {n} 开始" },
  markerOrder: { code: "W_MARKER_ORDER", en: "marker {marker} comes after {prev}", zh: "编号 {marker} 排在 {prev} 之后" },
  serialTwice: { code: "W_NUMBERING_DUPLICATE", en: "序号 {serial} appears twice in 附件{n}", zh: "附件{n}中序号 {serial} 出现了两次" },
  tableColumns: { code: "W_TABLE_COLUMNS", en: "the table of 附件{n} has no header row that can be mapped", zh: "附件{n}的表格没有可对应的表头行" },
  inTask: { en: "task {id}: {detail}", zh: "任务 {id}：{detail}" },
  gluedTableUncut: { code: "W_GLUED_TABLE", en: "a task table glued into running text ({columns}) whose rows could not be cut: left as text", zh: "任务表格（{columns}）被连成一行文字，无法可靠切分成行，已按正文读入" },
  unclosedBracket: { code: "W_UNCLOSED_BRACKET", en: "a bracket never closes; its clause is read to the end of the item", zh: "括号未闭合，其中的分工一直读到条目末尾" },
  unreadClause: { code: "W_UNREAD_CLAUSE", en: "a bracket names units but is not a clause gongkai can read: {clause}", zh: "括号中列有单位，但不是可识别的分工表述：{clause}" },
  lowCoverage: { code: "W_LOW_COVERAGE", en: "only part of the notice was read into tasks: {phrasesRead} of {phrases} responsibility phrases and {markersRead} of {markers} numbered markers; check this notice by hand", zh: "通知只有部分内容读入了任务：责任短语 {phrases} 处中读入 {phrasesRead} 处，编号 {markers} 个中读入 {markersRead} 个；请人工核对" },
  lowCoverageAt: { code: "W_LOW_COVERAGE", en: "only part of the notice was read into tasks: {phrasesRead} of {phrases} responsibility phrases and {markersRead} of {markers} numbered markers; the first unread one is at line {line}; check this notice by hand", zh: "通知只有部分内容读入了任务：责任短语 {phrases} 处中读入 {phrasesRead} 处，编号 {markers} 个中读入 {markersRead} 个；第一处未读入的在第 {line} 行；请人工核对" },
  pdfPageNoText: { code: "W_PDF_PAGES_NO_TEXT", en: "page {pages} has no text layer (scanned?): that text is missing; run OCR first", zh: "第 {pages} 页没有文字层（扫描件？），该页文字缺失；请先做文字识别" },
  pdfPagesNoText: { code: "W_PDF_PAGES_NO_TEXT", en: "pages {pages} have no text layer (scanned?): that text is missing; run OCR first", zh: "第 {pages} 页没有文字层（扫描件？），这些页的文字缺失；请先做文字识别" },
  sheetHidden: { code: "W_SHEET_HIDDEN", en: "sheet \"{name}\" is hidden in the workbook: it was read too", zh: "工作表 \"{name}\" 在工作簿中是隐藏的，也已读入" },
  htmlTooDeep: { code: "W_HTML_TOO_DEEP", en: "the page nests elements {depth} deep (tables {tables} deep): markup below depth {max} (tables: {maxTables}) was ignored, its text kept", zh: "网页元素嵌套 {depth} 层（表格 {tables} 层）：超过 {max} 层（表格超过 {maxTables} 层）的标记已忽略，文字保留" },
  markdownTooDeep: { code: "W_MARKDOWN_AS_TEXT", en: "the Markdown nests {depth} levels deep (limit {max}): read as plain text", zh: "Markdown 嵌套 {depth} 层（上限 {max}），已按纯文本读取" },
  markdownTooManyCells: { code: "W_MARKDOWN_AS_TEXT", en: "the Markdown tables hold {cells} cells (limit {max}): read as plain text", zh: "Markdown 表格共有 {cells} 个单元格（上限 {max}），已按纯文本读取" },
  attachmentUnreadable: { code: "W_ATTACHMENT_UNREADABLE", en: "attachment file {path} (附件{n}) could not be read: {errorCode} {error}", zh: "附件文件 {path}（附件{n}）无法读取：{errorCode} {error}" },
  attachmentUnlisted: { code: "W_ATTACHMENT_UNLISTED", en: "attachment file {path} matches no entry of the notice's 附件 list; read as 附件{n}", zh: "附件文件 {path} 与通知的附件说明中任何一项都对不上，已作为附件{n}读入" },
  attachmentNoList: { code: "W_ATTACHMENT_UNLISTED", en: "the notice has no 附件 list; attachment file {path} is read as 附件{n}", zh: "通知没有附件说明，附件文件 {path} 已作为附件{n}读入" },
  attachmentMissing: { code: "W_ATTACHMENT_MISSING", en: "附件{n} {title} is neither printed in the notice nor given as a file", zh: "附件{n} {title} 既未印在通知中，也未给出文件" },
  encodingSuspect: { code: "W_ENCODING_SUSPECT", en: "the text looks decoded with the wrong encoding (few common Chinese characters); if it is Big5, run again with --encoding big5", zh: "文本像是用错了编码解码（常用汉字很少）；如果是 Big5，请加 --encoding big5 重新运行" },
} as const satisfies Record<string, Entry>;

export type TextKey = keyof typeof TEXTS;

/** Every key of the catalogue (for tests and tools). */
export const TEXT_KEYS = Object.keys(TEXTS) as TextKey[];

/** The warning code an entry is the message of, or null for an error's entry. */
export const codeOf = (key: TextKey): string | null => (TEXTS[key] as Entry).code ?? null;

/** The entry `key` with its placeholders filled; rendered only when shown. */
export const libText = (key: TextKey, params: Readonly<Record<string, TextParam>> = {}): Text => ({ key, params });

export const isText = (v: unknown): v is Text =>
  typeof v === "object" && v !== null && typeof (v as Text).key === "string" && (v as Text).key in TEXTS && typeof (v as Text).params === "object";

/** The text in `lang`; a nested entry is rendered in the same language; a string is returned as is. */
export function render(t: Text | string, lang: Lang): string {
  if (typeof t === "string") return t;
  const entry: Entry = TEXTS[t.key];
  return entry[lang].replace(/\{(\w+)\}/gu, (all, name: string) => {
    const v = t.params[name];
    return v === undefined ? all : typeof v === "object" ? render(v, lang) : String(v);
  });
}

/** The English text of an entry: warning messages are English in the JSON output (the contract). */
export const say = (key: TextKey, params: Readonly<Record<string, TextParam>> = {}): string => render(libText(key, params), "en");

/** Placeholders whose value is itself a catalogue message (read back recursively). */
const NESTED = new Set(["detail", "error"]);

/** Literal pieces and placeholder names of a template: lits[0] {names[0]} lits[1] … lits[n]. */
function pieces(template: string): { lits: string[]; names: string[] } {
  const lits: string[] = [];
  const names: string[] = [];
  let at = 0;
  for (const m of template.matchAll(/\{(\w+)\}/gu)) {
    lits.push(template.slice(at, m.index));
    names.push(m[1]!);
    at = m.index + m[0].length;
  }
  lits.push(template.slice(at));
  return { lits, names };
}

/**
 * The params that make `template` produce `message`, or null. A scanner, linear in the message:
 * each placeholder runs to the next occurrence of the literal that follows it (the last one to the
 * end), so only templates whose placeholders are separated by literal text can be read back.
 */
export function readBack(template: string, message: string): Record<string, string> | null {
  const { lits, names } = pieces(template);
  const first = lits[0]!;
  const last = lits[lits.length - 1]!;
  if (!message.startsWith(first)) return null;
  if (names.length === 0) return message === first ? {} : null;
  if (!message.endsWith(last) || message.length < first.length + last.length) return null;
  const end = message.length - last.length;
  const params: Record<string, string> = {};
  let pos = first.length;
  for (let i = 0; i < names.length; i++) {
    if (i === names.length - 1) {
      if (pos > end) return null;
      params[names[i]!] = message.slice(pos, end);
      break;
    }
    const lit = lits[i + 1]!;
    if (lit === "") return null;
    const at = message.indexOf(lit, pos);
    if (at < 0 || at > end) return null;
    params[names[i]!] = message.slice(pos, at);
    pos = at + lit.length;
  }
  return params;
}

/** Keys of the warning entries of each code, then the task prefix any clause warning may carry. */
const BY_CODE = new Map<string, TextKey[]>();
for (const key of TEXT_KEYS) {
  const code = (TEXTS[key] as Entry).code;
  if (code !== undefined) BY_CODE.set(code, [...(BY_CODE.get(code) ?? []), key]);
}
/** Error entries with literal words to anchor on ("{error}" alone would match anything). */
const ERROR_KEYS = TEXT_KEYS.filter((key) => {
  const entry: Entry = TEXTS[key];
  return entry.code === undefined && key !== "inTask" && /[a-z]/u.test(entry.en.replace(/\{\w+\}/gu, ""));
});

/** The entry (of `code`, or an error entry) whose English template produced `message`, with its params. */
function textOf(message: string, code: string | null, depth: number): Text | null {
  const keys: readonly TextKey[] = code === null ? ERROR_KEYS : [...(BY_CODE.get(code) ?? []), "inTask"];
  for (const key of keys) {
    const raw = readBack(TEXTS[key].en, message);
    if (raw === null) continue;
    const params: Record<string, TextParam> = {};
    for (const [name, value] of Object.entries(raw)) {
      const inner = depth < 3 && NESTED.has(name) ? textOf(value, name === "detail" ? code : null, depth + 1) : null;
      params[name] = inner ?? value;
    }
    return libText(key, params);
  }
  return null;
}

/**
 * A warning's message in `lang`: English as written; in Chinese read back through its code's
 * entries and rendered in Chinese, or the message as is when no entry produced it (a warning
 * from another version of gongkai).
 */
export function warningText(w: { readonly code: string; readonly message: string }, lang: Lang): string {
  if (lang === "en") return w.message;
  const t = textOf(w.message, w.code, 0);
  return t ? render(t, lang) : w.message;
}

/** An error's message in `lang`, read back from its English message (e.g. an `--errors inline` record). */
export function errorText(message: string, lang: Lang): string {
  if (lang === "en") return message;
  const t = textOf(message, null, 1);
  return t ? render(t, lang) : message;
}
