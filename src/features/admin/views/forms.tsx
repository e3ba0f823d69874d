import type { FieldErrors } from '../../../platform/http/validate.ts';
import { Csrf, ErrorSummary, Field, useT } from '../../../platform/views/components.tsx';

/** The new-account form (GOV.UK pattern: errors on top, values kept except the password). */
export function NewUserForm({ values, errors }: { values: Record<string, string>; errors?: FieldErrors }) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      <p><a href="/admin/users">← {t('admin.back')}</a></p>
      <h1>{t('admin.users.new')}</h1>
      <form method="post" action="/admin/users/new" novalidate>
        <Csrf />
        <Field name="username" label={t('admin.username')} hint={t('admin.usernameHint')} errors={errors} values={values} autocomplete="off" />
        <Field name="displayName" label={t('admin.displayName')} hint={t('admin.displayNameHint')} errors={errors} values={values} autocomplete="off" />
        <Field name="email" label={t('admin.email')} hint={t('admin.emailHint')} errors={errors} values={values} type="email" autocomplete="off" />
        <Field name="password" label={t('admin.password')} hint={t('admin.passwordHint')} errors={errors} values={values} type="password" autocomplete="new-password" />
        <button type="submit">{t('admin.create')}</button>
      </form>
    </>
  );
}
