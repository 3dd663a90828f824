import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** A full-width message with a way out: not found, no access. */
export function CenteredMessage(props: {
  title: string;
  text?: string;
  linkTo?: string;
  linkLabel?: string;
}) {
  return (
    <Center mih="50vh" p="md">
      <Stack align="center" gap="sm" maw={420} ta="center">
        <Title order={2}>{props.title}</Title>
        {props.text && <Text c="dimmed">{props.text}</Text>}
        {props.linkTo && (
          <Button component={Link} to={props.linkTo} variant="light">
            {props.linkLabel}
          </Button>
        )}
      </Stack>
    </Center>
  );
}
