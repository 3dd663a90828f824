import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, unwrap } from '../../../lib/api';
import { profileKeys } from './keys';

export type Profile = Schemas['ProfileDto'];
export type NotificationSetting = Schemas['NotificationSettingDto'];
export const profileQuery = () =>
  queryOptions({
    queryKey: profileKeys.mine(),
    queryFn: () => api.GET('/api/profile').then(unwrap),
  });

export function useProfile() {
  return useQuery(profileQuery());
}
