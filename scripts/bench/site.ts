// Placeholder until the benchmark lands.
export async function benchSite(): Promise<Record<string, number>> {
  throw new Error('Phép đo này chưa được xây dựng.');
}
