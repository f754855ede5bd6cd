/**
 * Entity parsing for `parse_mode` (HTML, MarkdownV2, legacy Markdown), close enough to Telegram's to
 * reject what Telegram rejects ("can't parse entities: ...") and to compute the text length "after
 * entities parsing". Offsets of produced entities are in UTF-16 code units, like Telegram's.
 */

export interface ParsedEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

export interface FormattedText {
  text: string;
  entities: ParsedEntity[];
}

/** Thrown with Telegram's wording after "Bad Request: can't parse entities: ". */
export class EntityParseError extends Error {}

export type ParseMode = 'html' | 'markdown' | 'markdownv2' | '';

/** Telegram lower-cases parse_mode and accepts "HTML", "Markdown", "MarkdownV2" (or an empty string). */
export function normalizeParseMode(value: unknown): ParseMode | undefined {
  if (typeof value !== 'string') return undefined;
  const mode = value.toLowerCase();
  return mode === 'html' || mode === 'markdown' || mode === 'markdownv2' || mode === '' ? mode : undefined;
}

export function parseFormatted(text: string, mode: ParseMode | undefined): FormattedText {
  switch (mode) {
    case 'html':
      return parseHtml(text);
    case 'markdownv2':
      return parseMarkdownV2(text);
    case 'markdown':
      return parseMarkdown(text);
    default:
      return { text, entities: [] };
  }
}

const byteOffset = (src: string, index: number): number => Buffer.byteLength(src.slice(0, index), 'utf8');

// ---------------------------------------------------------------- HTML

const HTML_TAGS: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
  'tg-emoji': 'custom_emoji',
  'tg-time': 'date_time',
};

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** The HTML entity starting at `src[i]` ("&lt;", "&#128512;", "&#x1F600;"), if it is one Telegram supports. */
function decodeEntityAt(src: string, i: number): { char: string; length: number } | undefined {
  const m = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(src.slice(i, i + 12));
  if (!m) return undefined;
  const name = (m[1] as string).toLowerCase();
  const char = name.startsWith('#x')
    ? String.fromCodePoint(parseInt(name.slice(2), 16))
    : name.startsWith('#')
      ? String.fromCodePoint(parseInt(name.slice(1), 10))
      : (NAMED_ENTITIES[name] as string);
  return { char, length: m[0].length };
}

function decodeEntities(value: string): string {
  let out = '';
  for (let i = 0; i < value.length;) {
    const entity = value[i] === '&' ? decodeEntityAt(value, i) : undefined;
    out += entity?.char ?? value[i];
    i += entity?.length ?? 1;
  }
  return out;
}

interface OpenTag {
  tag: string;
  start: number;
  attrs: Record<string, string>;
  /** Set on <pre> when a nested <code class="language-x"> names the language. */
  language?: string;
}

function parseHtml(src: string): FormattedText {
  let out = '';
  const entities: ParsedEntity[] = [];
  const stack: OpenTag[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '&') {
      const entity = decodeEntityAt(src, i);
      out += entity?.char ?? c;
      i += entity?.length ?? 1;
      continue;
    }
    if (c !== '<') {
      out += c;
      i++;
      continue;
    }
    const at = byteOffset(src, i);
    if (src[i + 1] === '/') {
      const close = src.indexOf('>', i);
      if (close < 0) throw new EntityParseError(`Can't find end of end tag at byte offset ${at}`);
      const name = src
        .slice(i + 2, close)
        .trim()
        .toLowerCase();
      const open = stack.pop();
      if (!open) throw new EntityParseError(`Unexpected end tag at byte offset ${at}`);
      if (open.tag !== name) {
        throw new EntityParseError(
          `Unmatched end tag at byte offset ${at}, expected "</${open.tag}>", found "</${name}>"`,
        );
      }
      closeHtmlTag(open, out.length, stack, entities);
      i = close + 1;
      continue;
    }
    const nameMatch = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(src.slice(i, i + 40));
    if (!nameMatch) throw new EntityParseError(`Unsupported start tag "" at byte offset ${at}`);
    const tag = (nameMatch[1] as string).toLowerCase();
    if (!(tag in HTML_TAGS))
      throw new EntityParseError(`Unsupported start tag "${tag}" at byte offset ${at}`);
    const attrRe = /\s*([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/y;
    const attrs: Record<string, string> = {};
    let j = i + nameMatch[0].length;
    for (;;) {
      while (/\s/.test(src[j] ?? '')) j++;
      if (src[j] === '>' || src[j] === undefined) break;
      if (src[j] === '/' && src[j + 1] === '>') break;
      attrRe.lastIndex = j;
      const attr = attrRe.exec(src);
      if (!attr)
        throw new EntityParseError(
          `Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${at}`,
        );
      attrs[(attr[1] as string).toLowerCase()] = decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? '');
      j = attrRe.lastIndex;
    }
    if (src[j] === undefined) throw new EntityParseError(`Unclosed start tag at byte offset ${at}`);
    if (tag === 'span' && attrs.class !== 'tg-spoiler') {
      throw new EntityParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${at}`);
    }
    stack.push({ tag, start: out.length, attrs });
    i = j + (src[j] === '/' ? 2 : 1);
  }
  const unclosed = stack.pop();
  if (unclosed) throw new EntityParseError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return { text: out, entities: sortEntities(entities) };
}

function closeHtmlTag(open: OpenTag, end: number, stack: OpenTag[], entities: ParsedEntity[]): void {
  const type = HTML_TAGS[open.tag] as string;
  const parent = stack.at(-1);
  if (type === 'code' && parent?.tag === 'pre' && parent.start === open.start) {
    const language = /^language-(.+)$/.exec(open.attrs.class ?? '')?.[1];
    if (language) parent.language = language;
    return; // <pre><code class="language-x"> is one pre entity
  }
  const length = end - open.start;
  if (length === 0) return;
  const entity: ParsedEntity = { type, offset: open.start, length };
  if (type === 'text_link') {
    const href = open.attrs.href ?? '';
    const mention = /^tg:\/\/user\?id=(\d+)$/.exec(href);
    if (mention) entity.type = 'text_mention';
    else if (href) entity.url = href;
    else return; // <a> without href is plain text
  }
  if (type === 'pre' && open.language) entity.language = open.language;
  if (type === 'blockquote' && 'expandable' in open.attrs) entity.type = 'expandable_blockquote';
  if (type === 'custom_emoji') entity.custom_emoji_id = open.attrs['emoji-id'] ?? '';
  entities.push(entity);
}

// ---------------------------------------------------------------- MarkdownV2

const MDV2_RESERVED = '_*[]()~`>#+-=|{}.!';
const MDV2_NAMES: Record<string, string> = {
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  strikethrough: 'Strikethrough',
  spoiler: 'Spoiler',
  text_link: 'TextUrl',
  custom_emoji: 'CustomEmoji',
};

interface OpenMd {
  type: string;
  start: number;
  srcIndex: number;
}

function parseMarkdownV2(src: string): FormattedText {
  let out = '';
  const entities: ParsedEntity[] = [];
  const stack: OpenMd[] = [];
  let quote: { start: number; expandable: boolean } | undefined;
  let i = 0;

  const escapable = (index: number): boolean => {
    const code = src.charCodeAt(index);
    return index < src.length && code >= 1 && code <= 126;
  };
  const closeQuote = (): void => {
    if (!quote) return;
    const end = out.endsWith('\n') ? out.length - 1 : out.length;
    if (end > quote.start) {
      entities.push({
        type: quote.expandable ? 'expandable_blockquote' : 'blockquote',
        offset: quote.start,
        length: end - quote.start,
      });
    }
    quote = undefined;
  };
  const toggle = (type: string, width: number): void => {
    const top = stack.at(-1);
    if (top?.type === type) {
      stack.pop();
      if (out.length > top.start) entities.push({ type, offset: top.start, length: out.length - top.start });
    } else {
      stack.push({ type, start: out.length, srcIndex: i });
    }
    i += width;
  };
  /** Reads a code/pre/url body ending at `terminator`; only `\` escapes are interpreted. */
  const readUntil = (from: number, terminator: string): { body: string; next: number } | undefined => {
    let body = '';
    let k = from;
    while (k < src.length) {
      if (src[k] === '\\' && escapable(k + 1)) {
        body += src[k + 1];
        k += 2;
      } else if (src.startsWith(terminator, k)) {
        return { body, next: k + terminator.length };
      } else {
        body += src[k];
        k++;
      }
    }
    return undefined;
  };

  while (i < src.length) {
    const c = src[i] as string;
    const atLineStart = i === 0 || src[i - 1] === '\n';
    if (atLineStart) {
      if (src.startsWith('**>', i)) {
        if (!quote) quote = { start: out.length, expandable: true };
        i += 3;
        continue;
      }
      if (c === '>') {
        if (!quote) quote = { start: out.length, expandable: false };
        i++;
        continue;
      }
      if (quote && i > 0) closeQuote();
    }
    if (c === '\\' && escapable(i + 1)) {
      out += src[i + 1];
      i += 2;
      continue;
    }
    if (!MDV2_RESERVED.includes(c)) {
      out += c;
      i++;
      continue;
    }
    const at = byteOffset(src, i);
    switch (c) {
      case '*':
        toggle('bold', 1);
        break;
      case '~':
        toggle('strikethrough', 1);
        break;
      case '_':
        if (src[i + 1] === '_' && stack.at(-1)?.type !== 'italic') toggle('underline', 2);
        else toggle('italic', 1);
        break;
      case '|':
        if (src[i + 1] !== '|') throw reserved(c, at);
        if (
          quote?.expandable &&
          (src[i + 2] === '\n' || i + 2 === src.length) &&
          stack.at(-1)?.type !== 'spoiler'
        ) {
          i += 2; // "||" closing an expandable block quotation
          closeQuote();
          break;
        }
        toggle('spoiler', 2);
        break;
      case '`': {
        const start = out.length;
        if (src.startsWith('```', i)) {
          const body = readUntil(i + 3, '```');
          if (!body) throw new EntityParseError(`Can't find end of Pre entity at byte offset ${at}`);
          let content = body.body;
          let language: string | undefined;
          const newline = content.indexOf('\n');
          if (newline > 0 && !/\s/.test(content.slice(0, newline))) {
            language = content.slice(0, newline);
            content = content.slice(newline + 1);
          }
          out += content;
          if (content.length > 0) {
            entities.push({
              type: 'pre',
              offset: start,
              length: content.length,
              ...(language ? { language } : {}),
            });
          }
          i = body.next;
        } else {
          const body = readUntil(i + 1, '`');
          if (!body) throw new EntityParseError(`Can't find end of Code entity at byte offset ${at}`);
          out += body.body;
          if (body.body.length > 0) entities.push({ type: 'code', offset: start, length: body.body.length });
          i = body.next;
        }
        break;
      }
      case '[':
        stack.push({ type: 'text_link', start: out.length, srcIndex: i });
        i++;
        break;
      case '!':
        if (src[i + 1] !== '[') throw reserved(c, at);
        stack.push({ type: 'custom_emoji', start: out.length, srcIndex: i });
        i += 2;
        break;
      case ']': {
        const top = stack.at(-1);
        if (top?.type !== 'text_link' && top?.type !== 'custom_emoji') throw reserved(c, at);
        stack.pop();
        if (src[i + 1] !== '(') {
          if (top.type === 'custom_emoji')
            throw new EntityParseError(`Custom emoji entity must contain a tg://emoji URL`);
          i++;
          break;
        }
        const url = readUntil(i + 2, ')');
        if (!url)
          throw new EntityParseError(`Can't find end of a URL at byte offset ${byteOffset(src, i + 1)}`);
        const length = out.length - top.start;
        if (top.type === 'custom_emoji') {
          const id = /^tg:\/\/emoji\?id=(\d+)$/.exec(url.body)?.[1];
          if (!id) throw new EntityParseError(`Custom emoji URL must have an emoji identifier`);
          if (length > 0)
            entities.push({ type: 'custom_emoji', offset: top.start, length, custom_emoji_id: id });
        } else if (length > 0) {
          const mention = /^tg:\/\/user\?id=(\d+)$/.exec(url.body);
          entities.push(
            mention
              ? { type: 'text_mention', offset: top.start, length }
              : { type: 'text_link', offset: top.start, length, url: url.body },
          );
        }
        i = url.next;
        break;
      }
      default:
        throw reserved(c, at);
    }
  }
  closeQuote();
  const unclosed = stack.at(-1);
  if (unclosed) {
    throw new EntityParseError(
      `Can't find end of ${MDV2_NAMES[unclosed.type] ?? unclosed.type} entity at byte offset ${byteOffset(src, unclosed.srcIndex)}`,
    );
  }
  return { text: out, entities: sortEntities(entities) };
}

const reserved = (c: string, at: number): EntityParseError =>
  new EntityParseError(
    `Character '${c}' is reserved and must be escaped with the preceding '\\' (byte offset ${at})`,
  );

// ---------------------------------------------------------------- legacy Markdown

function parseMarkdown(src: string): FormattedText {
  let out = '';
  const entities: ParsedEntity[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\\' && '_*`['.includes(src[i + 1] ?? ' ')) {
      out += src[i + 1];
      i += 2;
      continue;
    }
    if (!'_*`['.includes(c)) {
      out += c;
      i++;
      continue;
    }
    const at = byteOffset(src, i);
    const start = out.length;
    if (c === '[') {
      const close = src.indexOf(']', i + 1);
      if (close < 0) throw new EntityParseError(`Can't find end of the entity starting at byte offset ${at}`);
      const inner = src.slice(i + 1, close);
      out += inner;
      if (src[close + 1] === '(') {
        const urlEnd = src.indexOf(')', close + 2);
        if (urlEnd < 0)
          throw new EntityParseError(`Can't find end of the entity starting at byte offset ${at}`);
        if (inner.length > 0)
          entities.push({
            type: 'text_link',
            offset: start,
            length: inner.length,
            url: src.slice(close + 2, urlEnd),
          });
        i = urlEnd + 1;
      } else {
        i = close + 1;
      }
      continue;
    }
    const marker = c === '`' && src.startsWith('```', i) ? '```' : c;
    const end = src.indexOf(marker, i + marker.length);
    if (end < 0) throw new EntityParseError(`Can't find end of the entity starting at byte offset ${at}`);
    const inner = src.slice(i + marker.length, end);
    out += inner;
    const type = marker === '```' ? 'pre' : c === '`' ? 'code' : c === '*' ? 'bold' : 'italic';
    if (inner.length > 0) entities.push({ type, offset: start, length: inner.length });
    i = end + marker.length;
  }
  return { text: out, entities: sortEntities(entities) };
}

function sortEntities(entities: ParsedEntity[]): ParsedEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}
