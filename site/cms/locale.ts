// Decap's Vietnamese phrases, completed and adapted. Decap's own `vi` locale lacks about 80 of
// the English keys (Decap then shows the English text) and uses "Công bố" (publish) for the
// merge, which in this domain means the People's Committee publishing results. Every key of
// the English locale must end up with Vietnamese text: tests/cms/locale.test.ts walks them.

type Phrases = { [key: string]: string | Phrases };

/** Missing keys, and keys reworded for the self-assessment workflow ("Gửi đi" = Ready). */
export const VI_OVERRIDES: Phrases = {
  auth: {
    loginWithAzure: 'Đăng nhập bằng Azure',
    loginWithForgejo: 'Đăng nhập bằng Forgejo',
  },
  app: {
    header: {
      workflow: 'Bảng theo dõi gửi bài',
    },
  },
  collection: {
    collectionTop: {
      viewAs: 'Xem dạng',
      viewAsList: 'Danh sách',
      viewAsGrid: 'Lưới',
      groupBy: 'Nhóm theo',
      newButton: '+ Tạo %{collectionLabel}',
    },
    entries: {
      unpublishedHeader: 'Bài chưa hợp nhất',
    },
    groups: {
      other: 'Khác',
      negateLabel: 'Không phải %{label}',
    },
  },
  editor: {
    editorControl: {
      field: {
        widgetLabel: 'Trường %{widgetLabel}',
      },
    },
    editorControlPane: {
      i18n: {
        writingInLocale: 'Đang viết bằng %{locale}',
        copyFromLocale: 'Điền từ ngôn ngữ khác',
        copyFromLocaleConfirm: 'Điền dữ liệu từ ngôn ngữ %{locale}?\nToàn bộ nội dung hiện có sẽ bị ghi đè.',
      },
    },
    editorInterface: {
      toggleI18n: 'Bật/tắt đa ngôn ngữ',
      togglePreview: 'Bật/tắt bản xem trước',
      toggleScrollSync: 'Cuộn đồng thời',
      toggleNotes: 'Bật/tắt ghi chú',
    },
    editorNotesPane: {
      title: 'Ghi chú',
      emptyState: 'Chưa có ghi chú nào. Viết ghi chú đầu tiên ở dưới.',
      addNote: 'Thêm ghi chú',
      addPlaceholder: 'Viết ghi chú...',
      editPlaceholder: 'Sửa ghi chú...',
      save: 'Lưu',
      cancel: 'Hủy',
      edit: 'Sửa',
      delete: 'Xóa',
      resolve: 'Đánh dấu đã xử lý',
      unresolve: 'Mở lại',
      confirmDelete: 'Xóa ghi chú này?',
      shortcut: 'Mẹo: bấm Ctrl+Enter để thêm ghi chú nhanh',
    },
    editor: {
      onUpdatingWithUnsavedChanges: 'Bạn có thay đổi chưa lưu: hãy bấm Lưu trước khi đổi trạng thái (Gửi đi).',
      onPublishingNotReady: 'Hãy chuyển trạng thái sang “Đã gửi đi” trước khi hợp nhất.',
      onPublishingWithUnsavedChanges: 'Bạn có thay đổi chưa lưu: hãy lưu trước khi hợp nhất.',
      onPublishing: 'Hợp nhất bảng đã gửi vào dữ liệu chính? Cổng kiểm tra sẽ từ chối nếu còn lỗi hoặc đã hết hạn.',
      onUnpublishing: 'Gỡ bảng này khỏi dữ liệu chính?',
      onDeleteWithUnsavedChanges: 'Xóa bảng đã hợp nhất này, cùng các thay đổi chưa lưu trong phiên làm việc?',
      onDeletePublishedEntry: 'Xóa bảng đã hợp nhất này?',
    },
    editorToolbar: {
      publishing: 'Đang hợp nhất...',
      publish: 'Hợp nhất',
      published: 'Đã hợp nhất',
      publishNow: 'Hợp nhất ngay',
      publishAndCreateNew: 'Hợp nhất và tạo mới',
      publishAndDuplicate: 'Hợp nhất và sao chép',
      deleteUnpublishedChanges: 'Xóa các thay đổi chưa hợp nhất',
      deleteUnpublishedEntry: 'Xóa bảng chưa hợp nhất này',
      deletePublishedEntry: 'Xóa bảng đã hợp nhất',
      unpublish: 'Gỡ khỏi dữ liệu chính',
      unpublishing: 'Đang gỡ...',
      status: 'Trạng thái: %{status}',
      backCollection: ' Đang sửa trong mục %{collectionLabel}',
      draft: 'Bản nháp',
      inReview: 'Chờ lãnh đạo đơn vị duyệt',
      ready: 'Đã gửi đi',
      statusInfoTooltipDraft: 'Bảng đang là bản nháp: lưu bao nhiêu lần cũng được, kể cả khi còn lỗi. Khi đã hết lỗi, chọn “Đã gửi đi” để gửi.',
      statusInfoTooltipInReview: 'Bảng đang chờ lãnh đạo đơn vị duyệt; vẫn có thể sửa và lưu. Chọn “Đã gửi đi” để gửi.',
    },
    editorWidgets: {
      markdown: {
        markdown: 'Mã Markdown',
        bold: 'Đậm',
        italic: 'Nghiêng',
        strikethrough: 'Gạch ngang',
        code: 'Mã',
        link: 'Liên kết',
        linkPrompt: 'Nhập địa chỉ liên kết',
        headings: 'Tiêu đề',
        quote: 'Trích dẫn',
        bulletedList: 'Danh sách gạch đầu dòng',
        numberedList: 'Danh sách đánh số',
        addComponent: 'Thêm thành phần',
        toggleMode: {
          rich: 'Chuyển sang soạn thảo định dạng',
          markdown: 'Chuyển sang soạn thảo Markdown',
        },
      },
      image: {
        chooseMultiple: 'Chọn nhiều hình',
        chooseUrl: 'Chèn từ địa chỉ URL',
        replaceUrl: 'Thay bằng địa chỉ URL',
        promptUrl: 'Nhập địa chỉ URL của hình',
        addMore: 'Thêm hình',
        removeAll: 'Gỡ bỏ tất cả hình',
      },
      file: {
        chooseUrl: 'Chèn từ địa chỉ URL',
        chooseMultiple: 'Chọn nhiều tệp',
        replaceUrl: 'Thay bằng địa chỉ URL',
        promptUrl: 'Nhập địa chỉ URL của tệp',
        addMore: 'Thêm tệp',
        removeAll: 'Gỡ bỏ tất cả tệp',
      },
      datetime: {
        setToNow: 'Đặt %{fieldLabel} là bây giờ',
      },
      list: {
        add: 'Thêm %{item}',
        addType: 'Thêm %{item}',
      },
      object: {
        expand: 'Mở rộng',
        collapse: 'Thu gọn',
      },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: {
      copy: 'Sao chép',
      copyUrl: 'Sao chép URL',
      copyPath: 'Sao chép đường dẫn',
      copyName: 'Sao chép tên',
      copied: 'Đã sao chép',
    },
    mediaLibraryModal: {
      close: 'Đóng',
    },
  },
  ui: {
    errorBoundary: {
      reportIt: 'báo cho quản trị hệ thống.',
    },
    settingsDropdown: {
      account: 'Tài khoản',
    },
    toast: {
      onFailToPersist: 'Không lưu được: %{details}',
      onFailToUpdateStatus: 'Không đổi được trạng thái: %{details}',
      entrySaved: 'Đã lưu',
      entryUpdated: 'Đã cập nhật trạng thái',
      entryPublished: 'Đã hợp nhất vào dữ liệu chính',
      onFailToPublishEntry: 'Không thể hợp nhất: %{details}',
      onDeleteUnpublishedChanges: 'Đã xóa các thay đổi chưa hợp nhất',
      entryUnpublished: 'Đã gỡ khỏi dữ liệu chính',
      onFailToUnpublishEntry: 'Không gỡ được: %{details}',
      onBackendDown: 'Máy chủ dữ liệu đang gặp sự cố. Xem %{details} để biết thêm.',
      noteAdded: 'Đã thêm ghi chú',
      onFailToAddNote: 'Không thêm được ghi chú: %{details}',
      noteUpdated: 'Đã cập nhật ghi chú',
      onFailToUpdateNote: 'Không cập nhật được ghi chú: %{details}',
      noteDeleted: 'Đã xóa ghi chú',
      onFailToDeleteNote: 'Không xóa được ghi chú: %{details}',
      noteResolved: 'Đã đánh dấu ghi chú là đã xử lý',
      noteReopened: 'Đã mở lại ghi chú',
      onFailToToggleNote: 'Không đổi được trạng thái ghi chú: %{details}',
    },
  },
  workflow: {
    workflow: {
      loading: 'Đang tải các bảng đang soạn và đã gửi',
      workflowHeading: 'Theo dõi gửi bảng tự chấm điểm',
      newPost: 'Bảng mới',
      // Decap counts only the "in review" column here, never the drafts.
      description: '%{smart_count} bảng chờ lãnh đạo đơn vị duyệt, %{readyCount} bảng đã gửi đi. |||| %{smart_count} bảng chờ lãnh đạo đơn vị duyệt, %{readyCount} bảng đã gửi đi.',
      // dayjs runs with its English locale: a numeric date is the only one that reads Vietnamese.
      dateFormat: 'DD/MM/YYYY',
    },
    workflowCard: {
      deleteNewEntry: 'Xóa bảng mới',
      publishChanges: 'Hợp nhất thay đổi',
      publishNewEntry: 'Hợp nhất bảng mới',
    },
    workflowList: {
      draftHeader: 'Bản nháp',
      inReviewHeader: 'Chờ lãnh đạo đơn vị duyệt',
      readyHeader: 'Đã gửi đi',
      onPublishingNotReadyEntry: 'Chỉ bảng ở cột “Đã gửi đi” mới được hợp nhất. Kéo thẻ sang cột “Đã gửi đi” để gửi.',
      onPublishEntry: 'Hợp nhất bảng này vào dữ liệu chính?',
      onDeleteEntry: 'Xóa bảng này?',
    },
  },
};

export interface MergedLocale {
  phrases: Phrases;
  /** Dotted keys still falling back to English (must be empty). */
  untranslated: string[];
}

/**
 * Walks the English phrases (the complete key set) and takes, for each key, our override, else
 * Decap's Vietnamese, else the English text, recording the key as untranslated.
 */
export function mergeLocale(en: Phrases, vi: Phrases, overrides: Phrases = VI_OVERRIDES): MergedLocale {
  const untranslated: string[] = [];
  const walk = (e: Phrases, v: Phrases | undefined, o: Phrases | undefined, prefix: string): Phrases => {
    const out: Phrases = {};
    for (const [key, value] of Object.entries(e)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'object') {
        out[key] = walk(value, sub(v, key), sub(o, key), path);
        continue;
      }
      const chosen = str(o, key) ?? str(v, key);
      if (chosen === undefined) untranslated.push(path);
      out[key] = chosen === undefined ? value : oneSpelling(chosen);
    }
    return out;
  };
  return { phrases: walk(en, vi, overrides, ''), untranslated };
}

/**
 * Decap's Vietnamese writes "Xoá", ours "Xóa": one spelling on one page (the tone on the "o" of an
 * open "oa" syllable; "toán", with a final consonant, keeps it on the "a").
 */
export function oneSpelling(text: string): string {
  return text.replace(/oá(?!\p{L})/gu, 'óa').replace(/Oá(?!\p{L})/gu, 'Óa');
}

function sub(p: Phrases | undefined, key: string): Phrases | undefined {
  const v = p?.[key];
  return typeof v === 'object' ? v : undefined;
}

function str(p: Phrases | undefined, key: string): string | undefined {
  const v = p?.[key];
  return typeof v === 'string' ? v : undefined;
}

export type { Phrases };
