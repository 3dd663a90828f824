import { Alert, Button, type AlertProps } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';

/** An API or network error as a readable message (role="alert"), optionally with a retry. */
export function ErrorAlert({
  error,
  onRetry,
  ...rest
}: { error: unknown; onRetry?: () => void } & Omit<AlertProps, 'children' | 'title'>) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" variant="light" {...rest}>
      {errorMessage(t, error)}
      {onRetry && (
        <Button size="compact-sm" variant="light" color="red" ml="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
