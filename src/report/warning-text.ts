/** 警告说明: what each warning code means, in Chinese, for the report page and the Chinese CLI. Pure. */
export const WARNING_TEXT_ZH: Readonly<Record<string, string>> = {
  W_NO_ITEMS: "未找到编号条目",
  W_NO_UNITS: "未找到责任单位",
  W_DEADLINE_BEFORE_ISSUE: "完成时限早于成文日期",
  W_NUMBERING_GAP: "编号不连续",
  W_NUMBERING_DUPLICATE: "编号重复",
  W_MARKER_ORDER: "编号顺序颠倒",
  W_UNCLOSED_BRACKET: "括号未闭合，其中的分工一直读到条目末尾",
  W_UNREAD_CLAUSE: "括号中列有单位，但不是可识别的分工表述",
  W_TABLE_COLUMNS: "附件表格没有可对应的表头",
  W_GLUED_TABLE: "任务表格被连成一行文字，无法可靠切分成行，已按正文读入",
  W_PDF_PAGES_NO_TEXT: "PDF 部分页面没有文字层（扫描件？），这些页的文字缺失，请先做文字识别",
  W_LOW_COVERAGE: "正文中有较多内容未读入任务",
  W_ATTACHMENT_UNLISTED: "附件文件与通知的附件说明中任何一项都对不上，已作为列表之后的附件读入",
  W_ATTACHMENT_MISSING: "附件说明中列出的附件既未印在通知中，也未给出文件",
  W_ATTACHMENT_UNREADABLE: "附件文件无法读取，通知和其他附件仍已读入",
  W_SHEET_HIDDEN: "工作簿中有隐藏的工作表，也已读入（请确认其中的任务确属本通知）",
  W_HTML_TOO_DEEP: "网页嵌套过深，深处的标记已忽略，文字保留",
  W_MARKDOWN_AS_TEXT: "Markdown 嵌套过深或表格过大，已按纯文本逐行读取",
  W_ENCODING_SUSPECT: "文本可能用错了编码解码（例如 Big5 被当作 GB18030），请用 --encoding 指定",
};

/** The Chinese meaning of a warning code, or null for a code this table does not know yet. */
export const warningTextZh = (code: string): string | null => WARNING_TEXT_ZH[code] ?? null;
