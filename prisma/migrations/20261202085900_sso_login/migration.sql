-- CreateTable
CREATE TABLE "SsoLogin" (
    "id" UUID NOT NULL,
    "stateHash" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "returnedAt" TIMESTAMPTZ(3),
    "userId" UUID,
    "exchangeHash" TEXT,
    "exchangedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SsoLogin_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SsoLogin_stateHash_key" ON "SsoLogin"("stateHash");

-- CreateIndex
CREATE UNIQUE INDEX "SsoLogin_exchangeHash_key" ON "SsoLogin"("exchangeHash");

-- CreateIndex
CREATE INDEX "SsoLogin_expiresAt_idx" ON "SsoLogin"("expiresAt");

-- AddForeignKey
ALTER TABLE "SsoLogin" ADD CONSTRAINT "SsoLogin_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
