namespace CodeTwo.AuthDiagnostics.Testing.Internal;

/// <summary>The service plans of the SKUs the builder offers, as Graph lists them.</summary>
internal static class SkuCatalog
{
    public static readonly (string Name, string Id, string AppliesTo)[] BusinessStandardPlans =
    [
        ("EXCHANGE_S_STANDARD", "9aaf7827-d63c-4b61-89c3-182f06f82e5c", "User"),
        ("OFFICE_BUSINESS", "094e7854-93fc-4d55-b2c0-3ab5369ebdc1", "User"),
        ("SHAREPOINTSTANDARD", "c7699d2e-19aa-44de-8edf-1736da088ca1", "User"),
        ("SHAREPOINTWAC", "e95bec33-7c88-4a70-8e19-b10bd9d0c014", "User"),
        ("MCOSTANDARD", "0feaeb32-d00e-4d66-bd5a-43b5b83db82c", "User"),
        ("TEAMS1", "57ff2da0-773e-42df-b2af-ffb7a2317929", "User"),
        ("FORMS_PLAN_E1", "159f4cd6-e380-449f-a816-af1a9ef76344", "User"),
        ("PROJECTWORKMANAGEMENT", "b737dad2-2f6c-4c65-90e3-ca563267e8b9", "User"),
        ("MICROSOFTBOOKINGS", "199a5c09-e0ca-4e37-8f7c-b05d533e1ea2", "User"),
        ("SWAY", "a23b959c-7ce8-4e57-9140-b90eb88a9e97", "User"),
        ("BPOS_S_TODO_1", "5e62787c-c316-451f-b873-1d05acd4d12c", "User"),
        ("YAMMER_ENTERPRISE", "7547a3fe-08ee-4ccb-b430-5077c5041653", "User"),
        ("RMS_S_BASIC", "31cf2cfc-6b0d-4adc-a336-88b724ed8122", "User"),
        ("INTUNE_O365", "882e1d05-acd1-4ccb-8708-6ee03664b117", "User"),
    ];

    public static readonly (string Name, string Id, string AppliesTo)[] BusinessPremiumPlans =
    [
        ("EXCHANGE_S_STANDARD", "9aaf7827-d63c-4b61-89c3-182f06f82e5c", "User"),
        ("EXCHANGE_S_ARCHIVE_ADDON", "176a09a6-7ec5-4039-ac02-b2791c6ba793", "User"),
        ("EXCHANGE_S_FOUNDATION", "113feb6c-3fe4-4440-bddc-54d774bf0318", "Company"),
        ("OFFICE_BUSINESS", "094e7854-93fc-4d55-b2c0-3ab5369ebdc1", "User"),
        ("SHAREPOINTSTANDARD", "c7699d2e-19aa-44de-8edf-1736da088ca1", "User"),
        ("SHAREPOINTWAC", "e95bec33-7c88-4a70-8e19-b10bd9d0c014", "User"),
        ("MCOSTANDARD", "0feaeb32-d00e-4d66-bd5a-43b5b83db82c", "User"),
        ("TEAMS1", "57ff2da0-773e-42df-b2af-ffb7a2317929", "User"),
        ("ATP_ENTERPRISE", "f20fedf3-f3c3-43c3-8267-2bfdd51c0939", "User"),
        ("MDE_SMB", "bfc1bbd9-981b-4f71-9b82-17c35fd0e2a4", "User"),
        ("WINBIZ", "8e229017-d77b-43d5-9305-903395523b99", "User"),
        ("AAD_SMB", "de377cbc-0019-4ec2-b77c-3f223947e102", "User"),
        ("RMS_S_ENTERPRISE", "bea4c11e-220a-4e6d-8eb8-8ea15d019f90", "User"),
        ("RMS_S_PREMIUM", "6c57d4b6-3b23-47a5-9bc9-69f17b4947b3", "User"),
        ("MFA_PREMIUM", "8a256a2b-b617-496d-b51b-e76466e88db0", "User"),
        ("ADALLOM_S_DISCOVERY", "932ad362-64a8-4783-9106-97849a1a30b9", "User"),
        ("AAD_PREMIUM", KnownLicenses.EntraIdP1ServicePlanId, "User"),
        ("INTUNE_SMBIZ", "8e9ff0ff-aa7a-4b20-83c1-2f636b600ac2", "User"),
        ("INTUNE_A", "c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "User"),
    ];

    public static readonly (string Name, string Id, string AppliesTo)[] Microsoft365E5Plans =
    [
        ("EXCHANGE_S_ENTERPRISE", "efb87545-963c-4e0d-99df-69c6916d9eb0", "User"),
        ("EXCHANGE_S_FOUNDATION", "113feb6c-3fe4-4440-bddc-54d774bf0318", "Company"),
        ("OFFICESUBSCRIPTION", "43de0ff5-c92c-492b-9116-175376d08c38", "User"),
        ("SHAREPOINTENTERPRISE", "5dbe027f-2339-4123-9542-606e4d348a72", "User"),
        ("SHAREPOINTWAC", "e95bec33-7c88-4a70-8e19-b10bd9d0c014", "User"),
        ("MCOSTANDARD", "0feaeb32-d00e-4d66-bd5a-43b5b83db82c", "User"),
        ("TEAMS1", "57ff2da0-773e-42df-b2af-ffb7a2317929", "User"),
        ("ATP_ENTERPRISE", "f20fedf3-f3c3-43c3-8267-2bfdd51c0939", "User"),
        ("WINDEFATP", "871d91ec-ec1a-452b-a83f-bd76c7d770ef", "User"),
        ("RMS_S_ENTERPRISE", "bea4c11e-220a-4e6d-8eb8-8ea15d019f90", "User"),
        ("RMS_S_PREMIUM", "6c57d4b6-3b23-47a5-9bc9-69f17b4947b3", "User"),
        ("RMS_S_PREMIUM2", "5689bec4-755d-4753-8b61-40975025187c", "User"),
        ("MFA_PREMIUM", "8a256a2b-b617-496d-b51b-e76466e88db0", "User"),
        ("ADALLOM_S_STANDALONE", "2e2ddb96-6af9-4b1d-a3f0-d6ecfd22edb2", "User"),
        ("AAD_PREMIUM", KnownLicenses.EntraIdP1ServicePlanId, "User"),
        ("AAD_PREMIUM_P2", KnownLicenses.EntraIdP2ServicePlanId, "User"),
        ("INTUNE_A", "c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "User"),
    ];
}
