import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/** Marks a property whose `type` the document must not state: Nest's swagger would write `object` for it. */
export const UNTYPED = 'x-herald-untyped';

type OneOfOptions = Omit<ApiPropertyOptions, 'type' | 'oneOf'> & { oneOf: NonNullable<ApiPropertyOptions['oneOf']> };

/**
 * A property that is one of several shapes (`"a text"` or `{zh, en}`). Without a compiler plugin,
 * Nest's swagger types such a property `object` from its TypeScript type; the marker has the
 * document builder drop that (see openapi-document.ts), leaving the `oneOf` alone.
 */
export function ApiPropertyOneOf(options: OneOfOptions): PropertyDecorator {
  return ApiProperty({ ...options, [UNTYPED]: true } as ApiPropertyOptions);
}
