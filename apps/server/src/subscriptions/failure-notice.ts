import { ValidateBy, type ValidationOptions } from 'class-validator';

/** The notices Herald sends to failure-notice subscriptions. */
export const NOTICE_TYPES = ['herald.subscription.paused', 'herald.subscription.disabled', 'herald.delivery.failed'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

/** `failure_notice`: true (every notice), false (none), or the list of notice types wanted. */
export type FailureNoticeSetting = boolean | NoticeType[];

export function IsFailureNotice(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFailureNotice',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'boolean' ||
          (Array.isArray(value) &&
            value.length <= NOTICE_TYPES.length &&
            value.every((entry) => NOTICE_TYPES.includes(entry as NoticeType)) &&
            new Set(value).size === value.length),
        defaultMessage: () => `failure_notice must be true, false, or a list of notice types from ${NOTICE_TYPES.join(', ')}`,
      },
    },
    options,
  );
}

/** How the setting is stored: the flag, and the chosen types (null for all of them). */
export function storedFailureNotice(setting: FailureNoticeSetting): { failureNotice: boolean; noticeTypes: string[] | null } {
  if (typeof setting === 'boolean') return { failureNotice: setting, noticeTypes: null };
  return { failureNotice: setting.length > 0, noticeTypes: setting.length > 0 ? [...setting] : null };
}

/** The setting as the API shows it. */
export function failureNoticeView(failureNotice: boolean, noticeTypes: string[] | null): boolean | string[] {
  return failureNotice && noticeTypes ? noticeTypes : failureNotice;
}
