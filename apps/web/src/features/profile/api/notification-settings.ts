import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import type { Profile, NotificationSetting } from './get-profile';
import { profileKeys } from './keys';

/** Switches one kind × channel; shown at once, rolled back if the API refuses. */
export function useUpdateNotificationSetting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (item: NotificationSetting) =>
      api.PUT('/api/profile/notification-settings', { body: { items: [item] } }).then(unwrap),
    onMutate: async (item) => {
      await client.cancelQueries({ queryKey: profileKeys.mine() });
      const before = client.getQueryData<Profile>(profileKeys.mine());
      if (before) {
        client.setQueryData<Profile>(profileKeys.mine(), {
          ...before,
          notificationSettings: before.notificationSettings.map((s) =>
            s.kind === item.kind && s.channel === item.channel ? item : s,
          ),
        });
      }
      return { before };
    },
    onError: (_error, _item, context) => {
      if (context?.before) client.setQueryData(profileKeys.mine(), context.before);
    },
    onSuccess: (profile) => client.setQueryData(profileKeys.mine(), profile),
  });
}
