import { ActionIcon, Badge, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { Chat, ChatActor } from '../api/chats';
import { useAddParticipant, useCandidates, useRemoveParticipant } from '../api/participants';

/** Who takes part: name, role, read-only shares; staff who manage the chat add and remove people. */
export function ParticipantsTab({ chat, me }: { chat: Chat; me: ChatActor }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [picked, setPicked] = useState<string | null>(null);
  const candidates = useCandidates(chat.id, q, chat.can.manage);
  const add = useAddParticipant(chat.id);
  const remove = useRemoveParticipant(chat.id);
  return (
    <Stack gap="md" data-testid="participants">
      {chat.participants.map((p) => {
        const isMe = p.person.kind === me.kind && p.person.id === me.id;
        return (
          <Card key={p.id} withBorder padding="sm" radius="md" data-testid="participant">
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={0} miw={0}>
                <Text fw={600}>
                  {p.person.name}
                  {isMe && ` (${t('chats.you')})`}
                </Text>
                <Group gap="xs">
                  <Text size="sm" c="dimmed">
                    {t(`shell.roles.${p.person.role}` as 'shell.roles.customer', {
                      defaultValue: p.person.role,
                    })}
                  </Text>
                  {p.readOnly && (
                    <Badge size="sm" color="gray" variant="light">
                      {t('chat.participants.readOnly')}
                    </Badge>
                  )}
                </Group>
              </Stack>
              {chat.can.manage && !isMe && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`${t('chat.participants.remove')}: ${p.person.name}`}
                  loading={remove.isPending && remove.variables === p.id}
                  onClick={() => {
                    if (
                      window.confirm(t('chat.participants.removeConfirm', { name: p.person.name }))
                    )
                      remove.mutate(p.id);
                  }}
                  data-testid="remove-participant"
                >
                  <IconUserMinus size={18} />
                </ActionIcon>
              )}
            </Group>
          </Card>
        );
      })}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {chat.can.manage && (
        <Card withBorder padding="sm" radius="md">
          <Stack gap="xs">
            <Text fw={600}>{t('chat.participants.add')}</Text>
            <Group gap="xs" align="flex-end" wrap="wrap">
              <Select
                searchable
                searchValue={search}
                onSearchChange={setSearch}
                value={picked}
                onChange={setPicked}
                data={(candidates.data ?? []).map((c) => ({
                  value: c.id,
                  label: `${c.name} · ${t(`shell.roles.${c.role}` as 'shell.roles.customer', { defaultValue: c.role })}`,
                }))}
                placeholder={t('chat.participants.addPlaceholder')}
                aria-label={t('chat.participants.addPlaceholder')}
                nothingFoundMessage={t('chat.participants.noCandidates')}
                filter={({ options }) => options}
                style={{ flex: 1, minWidth: 200 }}
                data-testid="candidate-select"
              />
              <Button
                disabled={!picked}
                loading={add.isPending}
                onClick={() =>
                  picked &&
                  add.mutate(picked, {
                    onSuccess: () => {
                      setPicked(null);
                      setSearch('');
                    },
                  })
                }
                data-testid="add-participant"
              >
                {t('chat.participants.addButton')}
              </Button>
            </Group>
            {add.isError && <ErrorAlert error={add.error} />}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
