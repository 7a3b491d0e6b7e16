import { Skeleton, Stack } from '@mantine/core';

/** Grey bars in the shape of a table while its data loads. */
export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Stack gap="xs" aria-busy="true">
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={28} radius="sm" />
      ))}
    </Stack>
  );
}
