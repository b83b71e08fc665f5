import { formatMessage, type Lang } from '../index.js';
import { testingMessages } from '../messages/testing.js';

/**
 * Values a testing-kit message interpolates.
 *
 * @example
 * const params: TestingParams = { subject: 'b1', expected: 10 };
 */
export type TestingParams = Readonly<Record<string, string | number>>;

// The testing kit's messages live in the one catalogue (src/messages/testing.ts).

/**
 * A testing-kit message code.
 *
 * @example
 * const code: TestingCode = 'expect-points';
 */
export type TestingCode = keyof typeof testingMessages;

/**
 * Renders a testing-kit message in Chinese (default) or English.
 *
 * @example
 * text('findings-none', {}, 'en'); // '(no findings at all)'
 */
export function text(code: TestingCode, params: TestingParams, lang: Lang = 'zh'): string {
  return formatMessage(code, params, lang);
}

/**
 * Every testing-kit message code, sorted (for the catalogue test).
 *
 * @example
 * testingMessageCodes().includes('expect-points'); // true
 */
export function testingMessageCodes(): TestingCode[] {
  return (Object.keys(testingMessages) as TestingCode[]).sort();
}
