import { Badge } from '@mantine/core';

export function ContractStatus({ status, closed }: { status: string; closed: boolean }) {
  return (
    <Badge
      variant="light"
      color={closed ? 'gray' : 'teal'}
      radius="sm"
      tt="none"
      data-testid="contract-status"
    >
      {status}
    </Badge>
  );
}
