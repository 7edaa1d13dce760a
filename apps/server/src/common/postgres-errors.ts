export function isUniqueViolation(error: unknown): boolean {
  return (
    (error as { code?: string; driverError?: { code?: string } })?.code === '23505' ||
    (error as { driverError?: { code?: string } })?.driverError?.code === '23505'
  );
}
