"""The spreadsheet upload in the admin ("Tải bảng tính sản phẩm") and the quick
price list ("Sửa nhanh giá và tồn kho").

One importer: the upload reads, validates and writes through catalog.importing,
scoped to one seller (catalog.importing.scope). The files stay in a private
folder per upload (``storage``) between the preview and the confirmation; both
steps run as tasks on the outbox's queue (``tasks``) and report their progress
on the upload's record (catalog.models.SpreadsheetUpload).

- ``photos``: the ZIP of photos, checked before anything is extracted.
- ``template``: the XLSX template with Vietnamese headings.
- ``services``: the upload's life (store, validate, confirm, import) and the
  approval workflow for what sellers upload.
- ``quick_list``: many products' price, stock and availability at once.
"""
