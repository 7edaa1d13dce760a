import type { ErrorSchema, RJSFSchema, RJSFValidationError, ValidatorType } from '@rjsf/utils';

type Messages = { required: string; tooLong: (max: number) => string; pattern: string };

/**
 * A validator for react-jsonschema-form that compiles nothing: the console's CSP forbids eval, which
 * ajv needs, and the server checks every config anyway (its field errors land on the fields). This
 * covers what a person benefits from knowing before saving — required fields, length, pattern —
 * over the flat config objects the channels declare.
 */
export function schemaValidator(messages: Messages): ValidatorType {
  const validateFormData = (formData: unknown, schema: RJSFSchema) => {
    const data = (formData ?? {}) as Record<string, unknown>;
    const errors: RJSFValidationError[] = [];
    const errorSchema: Record<string, { __errors: string[] }> = {};
    const add = (field: string, message: string) => {
      errors.push({ property: `.${field}`, message, stack: `${field} ${message}` });
      errorSchema[field] = { __errors: [...(errorSchema[field]?.__errors ?? []), message] };
    };
    for (const field of schema.required ?? []) {
      if (data[field] === undefined || data[field] === '' || data[field] === null) add(field, messages.required);
    }
    for (const [field, property] of Object.entries(schema.properties ?? {})) {
      const value = data[field];
      if (typeof property !== 'object' || typeof value !== 'string' || value === '') continue;
      if (typeof property.maxLength === 'number' && value.length > property.maxLength) add(field, messages.tooLong(property.maxLength));
      if (typeof property.pattern === 'string' && !new RegExp(property.pattern, 'u').test(value)) add(field, messages.pattern);
    }
    return { errors, errorSchema: errorSchema as ErrorSchema };
  };
  return {
    validateFormData,
    isValid: (schema: RJSFSchema, formData: unknown) => validateFormData(formData, schema).errors.length === 0,
    rawValidation: () => ({ errors: [], validationError: undefined }),
    toErrorList: () => [],
  } as unknown as ValidatorType;
}
