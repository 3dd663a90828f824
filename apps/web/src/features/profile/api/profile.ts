import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';

export type Profile = Schemas['ProfileDto'];
export type NotificationSetting = Schemas['NotificationSettingDto'];
export type ChangeRequestInput = Schemas['CreateChangeRequestDto'];

export const profileKeys = {
  all: ['profile'] as const,
  mine: () => [...profileKeys.all, 'mine'] as const,
};

export const profileQuery = () =>
  queryOptions({
    queryKey: profileKeys.mine(),
    queryFn: () => api.GET('/api/profile').then(unwrap),
  });

export function useProfile() {
  return useQuery(profileQuery());
}

/** A request to change my phone or e-mail; it goes to my manager and to 1C. */
export function useCreateChangeRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeRequestInput) =>
      api.POST('/api/profile/change-requests', { body }).then(unwrap),
    onSuccess: () => client.invalidateQueries({ queryKey: profileKeys.all }),
  });
}

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
