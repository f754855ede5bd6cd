export {
  QUICK_REPLY_LIMITS,
  type QuickReplyDraft,
  type QuickReplyIssue,
  checkQuickReply,
  cleanCategory,
  categoryKey,
} from './template.ts';
export {
  QUICK_REPLY_FILE_HEADER,
  type ImportError,
  type ParsedFile,
  parseQuickReplyFile,
  formatQuickReplyFile,
} from './file.ts';
