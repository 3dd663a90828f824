import Linkify from 'linkify-react';
import type { Opts } from 'linkifyjs';
import { UserText } from '../../../components/UserText';

/** Web and mail links only; whatever else looks like a link stays text. */
const OPTIONS: Opts = {
  defaultProtocol: 'https',
  target: '_blank',
  rel: 'noopener noreferrer nofollow',
  // A link with a scheme only when it is the web's or mail's (never javascript:, data:, ...).
  validate: (value) => !/^[a-z][\w+.-]*:/i.test(value) || /^(https?:\/\/|mailto:)/i.test(value),
};

/**
 * What a person typed: plain text (React escapes it; nothing is ever rendered as HTML), line
 * breaks kept, links and e-mails made clickable as React elements by linkify.
 */
export function MessageText({ body }: { body: string }) {
  return (
    <UserText size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="message-text">
      <Linkify options={OPTIONS}>{body}</Linkify>
    </UserText>
  );
}
