import { Button } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '@kabinet/shared';

/** A phone as a tel: button showing the number the way it is written (`+7 912 345-67-89`). */
export function PhoneButton({ phone, testId }: { phone: string; testId?: string }) {
  const { t } = useTranslation();
  const shown = formatPhone(phone);
  return (
    <Button
      component="a"
      href={`tel:${phone}`}
      variant="light"
      size="xs"
      leftSection={<IconPhone size={14} aria-hidden />}
      aria-label={`${t('contacts.call')} ${shown}`}
      data-testid={testId}
    >
      {shown}
    </Button>
  );
}

/** An e-mail as a mailto: button showing the address (long ones are cut, the link stays whole). */
export function EmailButton({ email, testId }: { email: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={`mailto:${email}`}
      variant="light"
      size="xs"
      maw="100%"
      leftSection={<IconMail size={14} aria-hidden />}
      aria-label={`${t('contacts.write')} ${email}`}
      data-testid={testId}
    >
      {email}
    </Button>
  );
}
