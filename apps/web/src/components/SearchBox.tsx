import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS } from '@kabinet/shared';
import { CharCounter } from './CharCounter';

/**
 * A search box: types freely, reports once typing pauses, and only from 2 characters up to the
 * shared limit (what the API's search accepts; a counter shows near the limit); follows `value`
 * when the URL changes from outside (back button, a link).
 */
export function SearchBox({
  value,
  onSearch,
  placeholder,
  label,
  testId,
}: {
  value: string;
  onSearch: (q: string) => void;
  placeholder: string;
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [prop, setProp] = useState(value);
  if (prop !== value) {
    setProp(value);
    setText(value);
  }
  const search = useDebouncedCallback((q: string) => {
    const trimmed = q.trim();
    if (trimmed.length > TEXT_LIMITS.search) return; // the field says so; the API would refuse it
    if (trimmed.length === 0 || trimmed.length >= 2) onSearch(trimmed);
  }, 350);
  const length = text.trim().length;
  return (
    <TextInput
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        search(e.currentTarget.value);
      }}
      type="search"
      placeholder={placeholder}
      aria-label={label}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={
        text ? (
          <CloseButton
            aria-label={t('common.clear')}
            onClick={() => {
              search.cancel(); // a search still waiting for the typing pause would bring it back
              setText('');
              onSearch('');
            }}
          />
        ) : null
      }
      error={
        length > TEXT_LIMITS.search
          ? t('validation.tooLong', { max: TEXT_LIMITS.search })
          : undefined
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      description={<CharCounter length={length} max={TEXT_LIMITS.search} from={0.8} />}
      data-testid={testId}
    />
  );
}
