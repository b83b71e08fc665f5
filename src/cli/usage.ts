import type { CommanderError } from 'commander';
import type { Lang } from '../core/lang.js';
import { say } from './io.js';

type Localizer = (message: string, lang: Lang) => string | undefined;

const suggestionOf = (message: string): string => /\(Did you mean (.+?)\?\)/.exec(message)?.[1] ?? '';

// Commander's messages are English and stable within a major version; each is matched to a
// catalogue message. A message that does not match is shown as commander wrote it.
const LOCALIZERS: Readonly<Record<string, Localizer>> = {
  'commander.unknownOption': (m, lang) => {
    const name = /unknown option '([^']+)'/.exec(m)?.[1];
    return name === undefined ? undefined : say('cli-usage-unknown-option', lang, { name, suggestion: suggestionOf(m) });
  },
  'commander.unknownCommand': (m, lang) => {
    const name = /unknown command '([^']+)'/.exec(m)?.[1];
    return name === undefined ? undefined : say('cli-usage-unknown-command', lang, { name, suggestion: suggestionOf(m) });
  },
  'commander.missingMandatoryOptionValue': (m, lang) => {
    const name = /required option '([^']+)' not specified/.exec(m)?.[1];
    return name === undefined ? undefined : say('cli-usage-missing-option', lang, { name });
  },
  'commander.optionMissingArgument': (m, lang) => {
    const name = /option '([^']+)' argument missing/.exec(m)?.[1];
    return name === undefined ? undefined : say('cli-usage-option-missing-argument', lang, { name });
  },
  'commander.missingArgument': (m, lang) => {
    const name = /missing required argument '([^']+)'/.exec(m)?.[1];
    return name === undefined ? undefined : say('cli-usage-missing-argument', lang, { name });
  },
  'commander.excessArguments': (m, lang) => {
    const counts = /Expected (\d+) arguments? but got (\d+)/.exec(m);
    return counts ? say('cli-usage-excess-arguments', lang, { expected: counts[1] ?? '', received: counts[2] ?? '' }) : undefined;
  },
  'commander.invalidArgument': (m, lang) => {
    const option = /option '([^']+)' argument '(.*)' is invalid\. (.*)$/s.exec(m);
    const argument = /command-argument value '(.*)' is invalid for argument '([^']+)'\. (.*)$/s.exec(m);
    const [name, value, reason] = option ? [option[1], option[2], option[3]] : argument ? [argument[2], argument[1], argument[3]] : [];
    if (name === undefined || value === undefined || reason === undefined) return undefined;
    const choices = /^Allowed choices are (.*)\.$/s.exec(reason);
    if (choices) return say('cli-usage-invalid-choice', lang, { name, value, allowed: choices[1] ?? '' });
    return say('cli-usage-invalid-value', lang, { name, value, reason });
  },
  'commander.conflictingOption': (m, lang) => {
    const names = [...m.matchAll(/(?:option|environment variable) '([^']+)'/g)].map((match) => match[1] ?? '');
    return names.length === 2 ? say('cli-usage-conflict', lang, { a: names[0] ?? '', b: names[1] ?? '' }) : undefined;
  },
};

/**
 * Commander's error in the user's language: `错误：未知选项「--grpah」（是否想输入 --graph？）`.
 *
 * @example
 * usageMessage(error, 'zh');
 * usageMessage(helpError, 'zh', 'nope'); // 错误：未知命令「nope」
 */
export function usageMessage(error: CommanderError, lang: Lang, unknownHelpTopic?: string): string {
  if (error.code === 'commander.help') {
    // `zerenzhi help nope`: commander prints the whole help and fails as if no command was given.
    const message = unknownHelpTopic === undefined ? say('cli-usage-no-command', lang) : say('cli-usage-unknown-command', lang, { name: unknownHelpTopic, suggestion: '' });
    return say('cli-usage-prefix', lang, { message });
  }
  const localized = LOCALIZERS[error.code]?.(error.message, lang);
  const message = localized ?? say('cli-usage-other', lang, { message: error.message.replace(/^error: /, '') });
  return say('cli-usage-prefix', lang, { message });
}
